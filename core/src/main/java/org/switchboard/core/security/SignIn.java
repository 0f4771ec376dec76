package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.errors.Problems;
import org.switchboard.core.people.entity.User;

/**
 * One attempt to sign in with a username and password, by HTTP Basic or by {@code POST /api/session}: the throttle
 * first, then the password (within the bcrypt budget), then the throttle learns the outcome.
 */
@ApplicationScoped
public class SignIn {

    @Inject
    LoginThrottle throttle;

    @Inject
    Authenticator authenticator;

    /** The user, or the response that refuses them (401, 429 or 503, problem+json). */
    public record Result(User user, Response refusal) {
    }

    public Result attempt(String address, String username, String password) {
        Optional<LoginThrottle.Refusal> refused = throttle.check(address, username);
        if (refused.isPresent()) {
            return refuse(429, "Too many failed sign-ins", refused.get().detail(), refused.get().retryAfterSeconds());
        }
        Authenticator.Outcome outcome = authenticator.authenticate(username, password);
        if (outcome.busy()) {
            return refuse(503, "Too many sign-ins at once", "The server is checking many passwords right now; try"
                    + " again in a second", 1);
        }
        if (outcome.user().isEmpty()) {
            throttle.failed(address, username);
            return new Result(null, Problems.toResponse(new ProblemException(401, "Unauthenticated",
                    "The username or password is wrong, or the account is disabled", List.of(), null)));
        }
        throttle.succeeded(address, username);
        return new Result(outcome.user().get(), null);
    }

    private static Result refuse(int status, String title, String detail, long retryAfterSeconds) {
        Response problem = Problems.toResponse(new ProblemException(status, title, detail, List.of(), null));
        return new Result(null, Response.fromResponse(problem).header("Retry-After", null)
                .header("Retry-After", retryAfterSeconds).build());
    }
}
