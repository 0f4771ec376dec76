package org.switchboard.core.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.core.errors.Problems;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

/**
 * Guards every API endpoint. An endpoint is open only if it says who may use it: {@code @PermitAll}
 * (no login), or {@code @RolesAllowed} on the method or its class. Anything else is refused, so a new
 * endpoint that forgets to declare access is closed rather than open.
 *
 * <p>Missing or wrong credentials → 401; a username locked by {@link LoginThrottle} → 429 with
 * {@code Retry-After}; a role that may not use the endpoint → 403. A 401 carries a Basic challenge except
 * for requests marked {@code X-Requested-With: XMLHttpRequest} (the browser UI, which has its own login form).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Authenticator authenticator;

    @Inject
    LoginThrottle throttle;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Optional<Set<Role>> allowed = allowedRoles(method);
        Optional<BasicCredentials> credentials = BasicCredentials
                .parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            abort(request, new ProblemException(401, "Unauthenticated",
                    "Log in: send your username and password with HTTP Basic authentication", List.of(), null));
            return;
        }
        String username = credentials.get().username();
        Optional<Duration> locked = throttle.lockedFor(username);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problems.toResponse(new ProblemException(429,
                    "Too many failed logins", "Too many failed logins for this username; try again in " + seconds
                            + " seconds", List.of(), null)))
                    .header("Retry-After", seconds).build());
            return;
        }
        Optional<User> user = authenticator.authenticate(username, credentials.get().password());
        if (user.isEmpty()) {
            throttle.failed(username);
            abort(request, new ProblemException(401, "Unauthenticated",
                    "The username or password is wrong, or the account is disabled", List.of(), null));
            return;
        }
        throttle.succeeded(username);
        User u = user.get();
        if (u.combinesClientWithStaff()) {
            // made before CLIENT was kept apart from staff roles: which data it may see is ambiguous, so it sees none
            abort(request, ProblemException.forbidden("This account holds CLIENT together with " + u.getRoles()
                    + "; a client's user cannot also be staff. An administrator must give it either CLIENT or staff"
                    + " roles before it can be used"));
            return;
        }
        caller.authenticated(u.getId(), u.getUsername(), u.getRoles(), u.getClientId());
        request.setSecurityContext(new CallerSecurityContext(u.getUsername(), u.getRoles(),
                request.getSecurityContext().isSecure()));
        if (allowed.isEmpty() || allowed.get().stream().noneMatch(u::has)) {
            abort(request, ProblemException.forbidden("Your roles " + u.getRoles() + " may not do this; it needs "
                    + allowed.map(Object::toString).orElse("a role this endpoint does not declare")));
        }
    }

    /** Roles from the method's annotation, else its class's; empty when neither declares any. */
    private Optional<Set<Role>> allowedRoles(Method method) {
        for (AnnotatedElement element : List.<AnnotatedElement>of(method, resource.getResourceClass())) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return Optional.empty();
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return Optional.of(Set.copyOf(Arrays.stream(roles.value()).map(Role::valueOf).toList()));
            }
        }
        return Optional.empty();
    }

    private static void abort(ContainerRequestContext request, ProblemException problem) {
        jakarta.ws.rs.core.Response response = Problems.toResponse(problem);
        if (problem.status() == 401 && "XMLHttpRequest".equals(request.getHeaderString("X-Requested-With"))) {
            // the browser UI asks with its own login form: a Basic challenge would make the browser pop up its
            // native password dialog over it
            response = jakarta.ws.rs.core.Response.fromResponse(response).header("WWW-Authenticate", null).build();
        }
        request.abortWith(response);
    }

    private record CallerSecurityContext(String username, Set<Role> roles, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return () -> username;
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
