package org.switchboard.core.settings.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.ThresholdVersions;

/** The thresholds in force over a period: how a report states the values it used. */
@Path("thresholds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT, Roles.OPERATOR})
@Tag(name = "Settings")
public class ThresholdsResource {

    @Inject
    ThresholdVersions versions;

    @Inject
    Campaigns campaigns;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(summary = "The periods of threshold values in force within [from, to] (call-centre days, both optional),"
            + " oldest first: the centre's, or a campaign's with its overrides; a CLIENT user gets 404 for another"
            + " client's campaign")
    public List<ThresholdViews.Period> periods(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("campaign") String campaign) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        String code = null;
        if (campaign != null && !campaign.isBlank()) {
            Campaign c = campaigns.byCode(campaign).filter(k -> caller.maySeeClient(k.getClientId()))
                    .orElseThrow(() -> ProblemException.notFound("There is no campaign " + campaign.trim()));
            code = c.getCode();
        }
        return versions.timeline().periods(code, first, last).stream().map(ThresholdViews.Period::of).toList();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }
}
