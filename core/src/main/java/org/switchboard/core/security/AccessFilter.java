package org.switchboard.core.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
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
 * <p>A caller proves who they are with HTTP Basic (scripts, the PBX) or with the browser's session cookie
 * ({@link Sessions#COOKIE}, from {@code POST /api/session}). A request with the cookie that changes something
 * (anything but GET, HEAD, OPTIONS) must also carry the session's {@link Sessions#CSRF_HEADER}: a page of another
 * site can make the browser send the cookie, but cannot read or send that header.
 *
 * <p>Missing or wrong credentials, or an ended session → 401; too many failures ({@link LoginThrottle}) → 429 and
 * the bcrypt budget spent ({@link BcryptBudget}) → 503, both with {@code Retry-After}; a missing or wrong CSRF
 * token → 403; a user who must change their password → 403 everywhere but {@link PasswordChangeExempt} endpoints;
 * a role that may not use the endpoint → 403. A 401 carries a Basic challenge only for clients that are not a
 * browser page (no session cookie, no {@code X-Requested-With}, not asking for HTML), so a browser never pops up
 * its password dialog and never keeps Basic credentials it would send along with another site's requests.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    @Inject
    Authenticator authenticator;

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
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        User u;
        Sessions.Active session = null;
        if (credentials.isPresent()) {
            SignIn.Result result = signIn.attempt(address(), credentials.get().username(),
                    credentials.get().password());
            if (result.refusal() != null) {
                abort(request, result.refusal());
                return;
            }
            u = result.user();
        } else if (cookie != null) {
            Optional<Sessions.Active> active = sessions.check(cookie.getValue());
            Optional<User> user = active.flatMap(a -> authenticator.active(a.userId()));
            if (user.isEmpty()) {
                active.ifPresent(a -> sessions.end(a.tokenHash()));
                abort(request, new ProblemException(401, "Unauthenticated", "Your session has ended (signed out, or"
                        + " idle for too long): sign in again", List.of(), null));
                return;
            }
            session = active.get();
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !Sessions.csrfMatches(request.getHeaderString(Sessions.CSRF_HEADER), session.csrfToken())) {
                abort(request, ProblemException.forbidden("A change made with the session cookie needs the "
                        + Sessions.CSRF_HEADER + " header with the csrfToken of POST /api/session or GET /api/me"));
                return;
            }
            u = user.get();
        } else {
            abort(request, new ProblemException(401, "Unauthenticated",
                    "Log in: sign in with POST /api/session, or send your username and password with HTTP Basic"
                            + " authentication", List.of(), null));
            return;
        }
        if (u.combinesClientWithStaff()) {
            // made before CLIENT was kept apart from staff roles: which data it may see is ambiguous, so it sees none
            abort(request, ProblemException.forbidden("This account holds CLIENT together with " + u.getRoles()
                    + "; a client's user cannot also be staff. An administrator must give it either CLIENT or staff"
                    + " roles before it can be used"));
            return;
        }
        caller.authenticated(u.getId(), u.getUsername(), u.getRoles(), u.getClientId(),
                session == null ? null : session.tokenHash(), session == null ? null : session.csrfToken());
        request.setSecurityContext(new CallerSecurityContext(u.getUsername(), u.getRoles(),
                request.getSecurityContext().isSecure(), session == null ? SecurityContext.BASIC_AUTH
                        : SecurityContext.FORM_AUTH));
        if (u.mustChangePassword() && !method.isAnnotationPresent(PasswordChangeExempt.class)) {
            abort(request, ProblemException.forbidden("Change your password first: your password is temporary;"
                    + " POST /api/me/password with currentPassword and newPassword"));
            return;
        }
        if (allowed.isEmpty() || allowed.get().stream().noneMatch(u::has)) {
            abort(request, ProblemException.forbidden("Your roles " + u.getRoles() + " may not do this; it needs "
                    + allowed.map(Object::toString).orElse("a role this endpoint does not declare")));
        }
    }

    private String address() {
        return ClientAddress.of(servletRequest.getRemoteAddr(), servletRequest.getHeader("X-Forwarded-For"),
                ClientAddress.trustedProxies());
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
        abort(request, Problems.toResponse(problem));
    }

    private static void abort(ContainerRequestContext request, jakarta.ws.rs.core.Response response) {
        if (response.getStatus() == 401 && fromBrowserPage(request)) {
            response = jakarta.ws.rs.core.Response.fromResponse(response).header("WWW-Authenticate", null).build();
        }
        request.abortWith(response);
    }

    /**
     * A request of the browser UI or of a browser tab: a Basic challenge would make the browser ask for a password
     * in its own dialog and then send it with every request to this server, also those another site triggers.
     */
    static boolean fromBrowserPage(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return "XMLHttpRequest".equals(request.getHeaderString("X-Requested-With"))
                || request.getCookies().containsKey(Sessions.COOKIE)
                || (accept != null && accept.contains("text/html"));
    }

    private record CallerSecurityContext(String username, Set<Role> roles, boolean secure, String scheme)
            implements SecurityContext {
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
            return scheme;
        }
    }
}
