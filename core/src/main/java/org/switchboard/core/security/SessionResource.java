package org.switchboard.core.security;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.control.CallCentre;

/**
 * Signing a browser in and out. {@code POST /api/session} checks the password once (throttled like HTTP Basic) and
 * answers a session cookie — HttpOnly, SameSite=Strict, Path=/api, Secure under HTTPS — plus the anti-CSRF token
 * the UI sends back in {@code X-CSRF-Token} with every change. {@code DELETE /api/session} ends the session.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class SessionResource {

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    @Inject
    CallCentre callCentre;

    @Context
    HttpServletRequest servletRequest;

    public record Credentials(String username, String password) {
    }

    /** What the UI needs right after signing in; the rest comes from {@code GET /api/me}. */
    public record SignedIn(String username, String csrfToken, boolean mustChangePassword, int idleMinutes) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a browser in: answers the session cookie and the X-CSRF-Token to send with changes")
    public Response signIn(Credentials credentials) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
            missing.add(new Problem.Violation("username", "is required"));
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
            missing.add(new Problem.Violation("password", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        if (credentials.username().length() > 64 || credentials.password().length() > 1000) {
            throw ProblemException.invalid("username", "or password is longer than any account's");
        }
        SignIn.Result result = signIn.attempt(address(), credentials.username().trim(), credentials.password());
        if (result.refusal() != null) {
            // the UI has its own form: no Basic challenge, or the browser would ask again in its own dialog
            return Response.fromResponse(result.refusal()).header("WWW-Authenticate", null).build();
        }
        User user = result.user();
        Sessions.Opened opened = sessions.open(user.getId());
        return Response.ok(new SignedIn(user.getUsername(), opened.csrfToken(), user.mustChangePassword(),
                callCentre.settings().sessionIdleMinutes()))
                .header(HttpHeaders.SET_COOKIE, cookie(opened.token(), -1))
                .build();
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign the browser out: the session ends on the server and the cookie is cleared")
    public Response signOut(@Context HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(Sessions.COOKIE);
        Optional<Sessions.Active> active = cookie == null ? Optional.empty() : sessions.check(cookie.getValue());
        if (active.isPresent()) {
            if (!Sessions.csrfMatches(headers.getHeaderString(Sessions.CSRF_HEADER), active.get().csrfToken())) {
                throw ProblemException.forbidden("Signing out needs the " + Sessions.CSRF_HEADER + " header with"
                        + " the session's csrfToken");
            }
            sessions.end(active.get().tokenHash());
        }
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0)).build();
    }

    private String cookie(String value, int maxAge) {
        boolean secure = ClientAddress.secure(servletRequest.isSecure(), servletRequest.getRemoteAddr(),
                servletRequest.getHeader("X-Forwarded-Proto"), ClientAddress.trustedProxies());
        return Sessions.COOKIE + "=" + value + "; Path=/api; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }

    private String address() {
        return ClientAddress.of(servletRequest.getRemoteAddr(), servletRequest.getHeader("X-Forwarded-For"),
                ClientAddress.trustedProxies());
    }
}
