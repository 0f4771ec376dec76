package org.switchboard.core.campaigns.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.campaigns.boundary.CampaignsResource.CampaignInput;
import org.switchboard.core.campaigns.boundary.CampaignsResource.CampaignView;
import org.switchboard.core.campaigns.control.CampaignBook;
import org.switchboard.core.security.Roles;

/**
 * One campaign, read and changed. It is a root resource of its own, on {@code campaigns/{id}}, because the calls
 * module's outbound resource is rooted there too: Jakarta REST first picks the root class whose path has the most
 * literal characters, so {@code campaigns/{id}} beat {@code campaigns} and GET/PUT {@code /api/campaigns/{id}} on
 * {@link CampaignsResource} answered 404. Root classes with the same path are matched together.
 */
@Path("campaigns/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Campaigns")
public class CampaignResource {

    @Inject
    CampaignBook book;

    @Inject
    Checks checks;

    @GET
    @Transactional
    @Operation(summary = "One campaign; a CLIENT user gets 404 for another client's")
    public CampaignView get(@PathParam("id") long id) {
        return CampaignView.of(book.visible(id));
    }

    @PUT
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Change a campaign's name, period, active flag, operators, numbers and thresholds; send the version you read")
    public CampaignView update(@PathParam("id") long id, CampaignInput input) {
        checks.valid(input);
        return CampaignView.of(book.update(id, input));
    }
}
