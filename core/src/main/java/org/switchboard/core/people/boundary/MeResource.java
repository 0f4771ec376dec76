package org.switchboard.core.people.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.module.Modules;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.people.control.UserAccounts;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.bootstrap.Installation;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.PasswordChangeExempt;
import org.switchboard.core.security.Sessions;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Users")
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    UserAccounts accounts;

    @Inject
    Modules modules;

    @Inject
    Checks checks;

    @Inject
    CallCentre callCentre;

    @Inject
    Installation installation;

    @Inject
    Sessions sessions;

    /**
     * The logged-in user, the navigation their roles see in the modules deployed, and {@code idleMinutes}: the
     * settings' session inactivity timeout, after which the server ends a browser session. {@code mustChangePassword}:
     * the password is temporary and nothing else works until it is changed; {@code demo}: a demo installation with
     * guessable accounts; {@code csrfToken}: the token a browser session sends in {@code X-CSRF-Token} with every
     * change (null for HTTP Basic).
     */
    public record Me(Long id, String username, String fullName, List<String> roles, String extension, String team,
            Long clientId, List<Navigation> navigation, int idleMinutes, boolean mustChangePassword, boolean demo,
            String csrfToken) {
    }

    public record Navigation(String module, String key, String path) {
    }

    public record PasswordChange(@NotNull(message = "is required") String currentPassword,
            @NotNull(message = "is required") String newPassword) {
    }

    @GET
    @PasswordChangeExempt
    @Operation(summary = "Who is logged in, with the navigation for their roles")
    public Me me() {
        User user = accounts.get(caller.userId());
        record Item(String module, NavigationEntry entry) {
        }
        List<Navigation> navigation = modules.inDependencyOrder().stream()
                .flatMap(m -> m.navigation().stream().map(e -> new Item(m.id(), e)))
                .filter(i -> i.entry().visibleTo(caller.roles()))
                .sorted(Comparator.comparingInt((Item i) -> i.entry().order()).thenComparing(i -> i.entry().key()))
                .map(i -> new Navigation(i.module(), i.entry().key(), i.entry().path()))
                .toList();
        UserView view = UserView.of(user);
        return new Me(view.id(), view.username(), view.fullName(), view.roles(), view.extension(), view.team(),
                view.clientId(), navigation, callCentre.settings().sessionIdleMinutes(), user.mustChangePassword(),
                installation.demo(), caller.csrfToken());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @PasswordChangeExempt
    @Operation(summary = "Change one's own password; the user's other browser sessions end")
    public Response changePassword(PasswordChange change) {
        checks.valid(change);
        accounts.changeOwnPassword(caller.userId(), change.currentPassword(), change.newPassword());
        sessions.endOthers(caller.userId(), caller.sessionHash());
        return Response.noContent().build();
    }
}
