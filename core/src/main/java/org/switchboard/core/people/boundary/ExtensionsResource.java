package org.switchboard.core.people.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.QueryParams;
import org.switchboard.core.people.control.ExtensionHistory;
import org.switchboard.core.people.control.UserAccounts;
import org.switchboard.core.security.Roles;

@Path("extensions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Users", description = "Accounts, roles, extensions and teams")
public class ExtensionsResource {

    @Inject
    UserAccounts accounts;

    @Inject
    ExtensionHistory history;

    @Inject
    Checks checks;

    @GET
    @Path("{extension}/history")
    @Operation(summary = "Who held an extension on which call-centre days, oldest first (ADMIN, SUPERVISOR)")
    public List<ExtensionPeriodView> history(@PathParam("extension") String extension) {
        return history.of(extension.trim()).stream().map(ExtensionPeriodView::of).toList();
    }

    @POST
    @Path("{extension}/remap")
    @Transactional
    @Operation(summary = "Give an extension to an operator from a day (default today): the PBX calls from that day on,"
            + " imported or to come, become theirs; a day already past needs a reason (ADMIN, SUPERVISOR)")
    public UserView remap(@PathParam("extension") String extension, ExtensionRemap body) {
        ExtensionRemap remap = checks.valid(body);
        return UserView.of(accounts.remap(extension, remap.username(),
                QueryParams.date("effectiveFrom", remap.effectiveFrom()), remap.reason()));
    }
}
