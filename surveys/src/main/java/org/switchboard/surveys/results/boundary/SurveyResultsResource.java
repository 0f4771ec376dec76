package org.switchboard.surveys.results.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.surveys.results.control.CrossTab;
import org.switchboard.surveys.results.control.ResponseFilter;
import org.switchboard.surveys.results.control.ResponseReader;
import org.switchboard.surveys.results.control.Results;

/**
 * A survey's results: figures per question and quota, and cross-tabs. A client sees the surveys of its own
 * campaigns only; any other survey is not there for it (404).
 */
@Path("surveys/{id}/results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Survey results", description = "Figures per question, quotas, response rate, cross-tabs")
public class SurveyResultsResource {

    @Inject
    ResponseReader reader;

    @Inject
    Results results;

    @Inject
    CallCentre callCentre;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(summary = "The survey's results over COMPLETE interviews of all published versions: per question "
            + "answered, counts and percentages (SINGLE, MULTIPLE, SCALE), mean and median (SCALE, NUMBER), NPS "
            + "(0–10 scale); quota completes; completes, quota-full and in-progress interviews; contacted and response "
            + "rate (whole survey). Filters: from, to (call-centre days the interview ended, YYYY-MM-DD), operator")
    public Results.Figures results(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("operator") String operator) {
        ResponseFilter filter = filter(from, to, operator);
        return results.figures(reader.survey(id, caller.readScope()), filter);
    }

    @GET
    @Path("crosstab")
    @Transactional
    @Operation(summary = "Completed interviews counted by two questions (SINGLE, MULTIPLE, SCALE) or a question and "
            + "a contact attribute: row=Q1&column=Q2 or column=attribute:city|company|timeZone; same filters")
    public CrossTab.Table crossTab(@PathParam("id") long id, @QueryParam("row") String row,
            @QueryParam("column") String column, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator) {
        ResponseFilter filter = filter(from, to, operator);
        return results.crossTab(reader.survey(id, caller.readScope()), row, column, filter);
    }

    /** The filter of the query: whole call-centre days from {@code from} to {@code to}, both included. */
    private ResponseFilter filter(String from, String to, String operator) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "is before from");
        }
        return new ResponseFilter(first == null ? null : callCentre.startOf(first),
                last == null ? null : callCentre.startOf(last.plusDays(1)),
                operator == null || operator.isBlank() ? null : operator.trim());
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }
}
