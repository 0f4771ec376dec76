package org.switchboard.aftersales.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.control.Generation;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/** Generating after-sales tasks by hand, with the same guarantees as the daily timer. */
@Path("aftersales/generate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "After-sales")
public class GenerationResource {

    @Inject
    Generation generation;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    @POST
    @Transactional
    @Operation(summary = "Make the tasks whose call day is date (default today): {created, skipped}; running it again"
            + " makes nothing twice (ADMIN)")
    public Generation.Result generate(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? clock.now().atZone(callCentre.zone()).toLocalDate()
                    : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "is not a day; write it as YYYY-MM-DD");
        }
        return generation.generate(day);
    }
}
