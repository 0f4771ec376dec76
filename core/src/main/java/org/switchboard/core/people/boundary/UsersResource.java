package org.switchboard.core.people.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.control.UserAccounts;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users", description = "Accounts, roles, extensions and teams")
public class UsersResource {

    @Inject
    UserAccounts accounts;

    @Inject
    Checks checks;

    @Inject
    org.switchboard.core.people.control.ExtensionHistory history;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Operation(summary = "Create a user (ADMIN)")
    public Response create(UserInput input, @Context UriInfo uri) {
        UserView created = UserView.of(accounts.create(checks.valid(input)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "List users; filter by role, team or q (username or name); sort by username, fullName, extension, team, createdAt")
    public Page<UserView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("role") String role, @QueryParam("team") String team,
            @QueryParam("q") String q, @QueryParam("includeDeleted") boolean includeDeleted) {
        PageRequest request = PageRequest.of(page, size, sort, UserAccounts.SORTABLE, "username");
        return accounts.list(new UserAccounts.Filter(role(role), team, q, includeDeleted), request).map(UserView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "One user")
    public UserView get(@PathParam("id") long id) {
        return UserView.of(accounts.get(id));
    }

    @GET
    @Path("{id}/extensions")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "The extensions a user held, with the call-centre days of each, oldest first")
    public java.util.List<ExtensionPeriodView> extensions(@PathParam("id") long id) {
        return history.ofUser(accounts.get(id).getUsername()).stream().map(ExtensionPeriodView::of).toList();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Replace a user's name, roles, extension, team, client, enabled flag; password when given (ADMIN)")
    public UserView update(@PathParam("id") long id, UserInput input) {
        return UserView.of(accounts.update(id, checks.valid(input)));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a user: they can no longer log in; their history stays (ADMIN)")
    public Response delete(@PathParam("id") long id) {
        accounts.delete(id, caller.userId());
        return Response.noContent().build();
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("role", "must be one of ADMIN, SUPERVISOR, OPERATOR, MARKETER, CLIENT");
        }
    }
}
