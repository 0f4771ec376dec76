package org.switchboard.reporting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.reporting.control.Plans;
import org.switchboard.reporting.entity.Plan;

/** Daily plans per operator: what the plan fulfilment and PLAN_MISS are measured against. */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Plans", description = "Planned counted calls and leads per operator and day")
public class PlansResource {

    @Inject
    Plans plans;

    @Inject
    Caller caller;

    @Inject
    ReportRequests requests;

    /** A posted entry: the operator, the period, the daily targets, optionally only some weekdays (MON … SUN). */
    public record PlanInput(String operator, LocalDate from, LocalDate to, Integer calls, Integer leads,
            List<String> weekdays) {
    }

    /** One operator's plan for one day. */
    public record PlanView(String operator, LocalDate date, int calls, int leads, String setBy) {
        static PlanView of(Plan p) {
            return new PlanView(p.getOperator(), p.getDay(), p.getCalls(), p.getLeads(), p.getSetBy());
        }
    }

    /** What a post stored. */
    public record Stored(int days) {
    }

    @POST
    @Transactional
    @Operation(summary = "Set plans: a list of {operator, from, to, calls, leads, weekdays?}; later entries override"
            + " earlier ones for the same days (SUPERVISOR)")
    public Stored set(List<PlanInput> entries) {
        if (entries == null) {
            throw ProblemException.badRequest("Send a JSON array of plan entries");
        }
        return new Stored(plans.set(entries.stream().map(e -> e == null ? null
                : new Plans.Entry(e.operator(), e.from(), e.to(), e.calls(), e.leads(), e.weekdays())).toList(),
                caller.username()));
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The plans of a period, day by day (an operator sees their own)")
    public List<PlanView> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator) {
        LocalDate first = ReportRequests.date("from", from, true);
        LocalDate last = ReportRequests.date("to", to, true);
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= ReportRequests.MAX_DAYS) {
            throw ProblemException.invalid("to", "must be on or after from, at most " + ReportRequests.MAX_DAYS
                    + " days later");
        }
        return plans.list(first, last, requests.operator(operator)).stream().map(PlanView::of).toList();
    }
}
