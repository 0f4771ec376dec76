package org.switchboard.core.holidays.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.holidays.control.Holidays;
import org.switchboard.core.holidays.entity.Holiday;
import org.switchboard.core.security.Roles;

/** The holiday calendar: read by everyone, kept by admins (and marketers, who plan greetings from it). */
@Path("holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Settings")
public class HolidaysResource {

    @Inject
    Holidays holidays;

    public record HolidayView(LocalDate date, String name) {
        static HolidayView of(Holiday h) {
            return new HolidayView(h.getDate(), h.getName());
        }
    }

    public record HolidayInput(String name) {
    }

    @GET
    @Transactional
    @Operation(summary = "Holidays between from and to (default: this year)")
    public List<HolidayView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = from == null ? LocalDate.now().withDayOfYear(1) : day("from", from);
        LocalDate last = to == null ? first.plusYears(1).minusDays(1) : day("to", to);
        return holidays.between(first, last).stream().map(HolidayView::of).toList();
    }

    @PUT
    @Path("{date}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Add a holiday, or rename the one on that day (ADMIN, MARKETER)")
    public HolidayView put(@PathParam("date") String date, HolidayInput input) {
        if (input == null || input.name() == null || input.name().isBlank()) {
            throw ProblemException.invalid("name", "is required, e.g. \"Unity Day\"");
        }
        if (input.name().strip().length() > 200) {
            throw ProblemException.invalid("name", "is longer than 200 characters");
        }
        return HolidayView.of(holidays.put(day("date", date), input.name()));
    }

    @DELETE
    @Path("{date}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "Remove a holiday (ADMIN, MARKETER)")
    public Response delete(@PathParam("date") String date) {
        if (!holidays.remove(day("date", date))) {
            throw ProblemException.notFound("There is no holiday on " + date);
        }
        return Response.noContent().build();
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "is not a day; write it as YYYY-MM-DD");
        }
    }
}
