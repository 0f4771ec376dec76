package org.switchboard.reporting.boundary;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;
import org.switchboard.reporting.control.ReportingSettings;
import org.switchboard.reporting.entity.ReportingSettingsRow;

@Path("reports/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Reports", description = "Control of the call centre: figures, plans, anomalies, QA, the daily digest")
public class ReportingSettingsResource {

    @Inject
    ReportingSettings settings;

    @Inject
    Checks checks;

    /** One client's digest addresses. */
    public record RecipientsBody(Long clientId, List<String> emails) {
    }

    /** Reporting's settings as read and written; every field is required on PUT. */
    public record ReportingSettingsBody(
            @NotNull(message = "is required: recordings per operator in the day's QA sample")
            @Min(value = 1, message = "must be between 1 and " + ReportingSettingsRow.MAX_SAMPLE_SIZE)
            @Max(value = ReportingSettingsRow.MAX_SAMPLE_SIZE,
                    message = "must be between 1 and " + ReportingSettingsRow.MAX_SAMPLE_SIZE) Integer qaSampleSize,
            @NotNull(message = "is required: when the daily digest goes out, HH:MM in the call-centre time zone")
            @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "HH:mm") LocalTime digestTime,
            @NotNull(message = "is required") Boolean digestEnabled,
            @NotNull(message = "is required: [{\"clientId\":…, \"emails\":[…]}], [] for none")
            List<RecipientsBody> recipients,
            Long version) {

        static ReportingSettingsBody of(ReportingSettings.Values v) {
            return new ReportingSettingsBody(v.qaSampleSize(), v.digestTime(), v.digestEnabled(), v.recipients()
                    .entrySet().stream().map(e -> new RecipientsBody(e.getKey(), e.getValue())).toList(), v.version());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "Reporting settings: QA sample size, when the daily digest goes out, and to whom per client")
    public ReportingSettingsBody get() {
        return ReportingSettingsBody.of(settings.current());
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the reporting settings (ADMIN); the recipients list replaces the old one; send the "
            + "version you read")
    public ReportingSettingsBody update(ReportingSettingsBody body) {
        checks.valid(body);
        ProblemException.requireVersion("The reporting settings", body.version(), settings.current().version());
        return ReportingSettingsBody.of(settings.change(body.qaSampleSize(), body.digestTime(), body.digestEnabled(),
                body.recipients().stream().map(r -> r == null ? null
                        : new ReportingSettings.Recipients(r.clientId(), r.emails())).toList()));
    }
}
