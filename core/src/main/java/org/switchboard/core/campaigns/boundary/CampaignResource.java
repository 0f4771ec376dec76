package org.switchboard.core.campaigns.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.campaigns.boundary.CampaignsResource.CampaignInput;
import org.switchboard.core.campaigns.boundary.CampaignsResource.CampaignView;
import org.switchboard.core.campaigns.control.CampaignBook;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.boundary.ThresholdViews;
import org.switchboard.core.settings.control.ThresholdVersions;

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

    @Inject
    ThresholdVersions versions;

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

    /** A campaign's contract thresholds as set: from {@code validFrom} (default today) on, with an optional reason. */
    public record ThresholdsInput(
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            @Max(value = 3600, message = "must be at most 3600") Integer minTalkSeconds,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            @Max(value = 86400, message = "must be at most 86400") Integer longCallSeconds,
            LocalDate validFrom,
            @Size(max = 500, message = "must be at most 500 characters long") String reason) {
    }

    @GET
    @Path("thresholds")
    @Transactional
    @Operation(summary = "The thresholds in force for a campaign today and their history (its own and the centre's);"
            + " a CLIENT user gets 404 for another client's")
    public ThresholdViews.CampaignThresholds thresholds(@PathParam("id") long id) {
        Campaign campaign = book.visible(id);
        return ThresholdViews.CampaignThresholds.of(campaign.getCode(), versions.timeline(), versions.today());
    }

    @PUT
    @Path("thresholds")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
    @Operation(summary = "Set a campaign's counted-call and long-call thresholds from a day on (default today); the"
            + " campaign's own CLIENT may too. Kept as a new version and in the tamper trail")
    public ThresholdViews.CampaignThresholds setThresholds(@PathParam("id") long id, ThresholdsInput input) {
        checks.valid(input);
        Campaign campaign = book.setThresholds(id, input.minTalkSeconds(), input.longCallSeconds(), input.validFrom(),
                input.reason());
        return ThresholdViews.CampaignThresholds.of(campaign.getCode(), versions.timeline(), versions.today());
    }
}
