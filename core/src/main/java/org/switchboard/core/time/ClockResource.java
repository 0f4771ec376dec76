package org.switchboard.core.time;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

/** The server's "now"; moving it is possible only on a server started to allow it (integration tests). */
@Path("system/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Settings")
public class ClockResource {

    @Inject
    AppClock clock;

    /** "Now" as the server sees it, and whether it can be moved. */
    public record Now(Instant now, boolean adjustable) {
    }

    /** The instant to move to; null or absent for the system clock again. */
    public record MoveTo(OffsetDateTime now) {
    }

    /** How far ahead of the system clock the sessions' clock runs, in seconds (0 or absent: not ahead). */
    public record SessionsAhead(Long seconds) {
    }

    @PUT
    @Path("sessions")
    @Operation(summary = "Move the browser sessions' clock ahead, to expire idle sessions — only on a server started"
            + " with -Dswitchboard.clock.adjustable=true")
    public SessionsAhead sessionsAhead(SessionsAhead body) {
        if (!AppClock.adjustable()) {
            throw ProblemException.notFound("This server's clock cannot be moved");
        }
        long seconds = body == null || body.seconds() == null ? 0 : Math.max(0, body.seconds());
        clock.sessionsAhead(java.time.Duration.ofSeconds(seconds));
        return new SessionsAhead(seconds);
    }

    @GET
    @Operation(summary = "The server's current time (ADMIN)")
    public Now get() {
        return new Now(clock.now(), AppClock.adjustable());
    }

    @PUT
    @Operation(summary = "Move the server's clock — only on a server started with -Dswitchboard.clock.adjustable=true")
    public Now set(MoveTo body) {
        if (!AppClock.adjustable()) {
            throw ProblemException.notFound("This server's clock cannot be moved");
        }
        clock.set(body == null || body.now() == null ? null : body.now().toInstant());
        return get();
    }
}
