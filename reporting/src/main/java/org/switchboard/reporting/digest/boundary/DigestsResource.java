package org.switchboard.reporting.digest.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.reporting.digest.control.Digests;

/** Sends the daily digest by hand: for a day that was missed, or again. */
@Path("reports/digest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Reports")
public class DigestsResource {

    @Inject
    Digests digests;

    @Inject
    CallCentre callCentre;

    @POST
    @Operation(summary = "Queue the digest of a day (default yesterday) for every client with recipients, or one"
            + " (client=); again=true sends it even when it went out already (ADMIN)")
    public List<Digests.Outcome> send(@QueryParam("date") String date, @QueryParam("client") Long client,
            @QueryParam("again") boolean again) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(callCentre.zone()).minusDays(1) : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "is not a day; write it as YYYY-MM-DD");
        }
        List<Long> clients = client == null ? digests.clientsWithRecipients() : List.of(client);
        if (client != null && !digests.clientsWithRecipients().contains(client)) {
            throw ProblemException.invalid("client", "has no digest recipients; set them in /api/reports/settings");
        }
        List<Digests.Outcome> outcomes = new ArrayList<>();
        for (long id : clients) {
            outcomes.add(digests.send(id, day, again));
        }
        return outcomes;
    }
}
