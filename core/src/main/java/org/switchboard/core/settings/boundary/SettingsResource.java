package org.switchboard.core.settings.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.events.SettingsChanged;
import org.switchboard.core.settings.control.ThresholdTimeline;
import org.switchboard.core.settings.control.ThresholdVersions;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.security.Roles;

@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Settings", description = "Call-centre time zone and the thresholds of the control reports")
public class SettingsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Checks checks;

    @Inject
    Event<SettingsChanged> changed;

    @Inject
    ThresholdVersions versions;

    /**
     * The settings as read and written. The thresholds are required on PUT; a change of them (or of
     * {@code backingWindowHours}, absent: unchanged) applies from {@code thresholdsValidFrom}, a call-centre day
     * (default today), as a new version, and is kept in the tamper trail with {@code reason}. GET answers the
     * thresholds in force today.
     */
    public record SettingsBody(
            @NotBlank(message = "is required, e.g. Europe/Moscow") String timeZone,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 3600, message = "must be at most 3600")
            Integer minTalkSeconds,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 86400, message = "must be at most 86400")
            Integer longCallSeconds,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            Integer leadSpikeMinLeads,
            @NotNull(message = "is required") @DecimalMin(value = "1.0", message = "must be at least 1.0") @DecimalMax(value = "1000", message = "must be at most 1000")
            BigDecimal leadSpikeFactor,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = 90, message = "must be at most 90")
            Integer leadSpikeWindowDays,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            Integer shortCallsMinAnswered,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
            Integer shortCallsPercent,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            Integer longCallsMinCount,
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
            Integer repeatDialsMax,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
            Integer planMissPercent,
            String pbxTimeZone,
            @Min(value = 1024, message = "must be at least 1024") Long recordingMaxBytes,
            @Min(value = Settings.MIN_IDLE_MINUTES, message = "must be between 5 and 480")
            @Max(value = Settings.MAX_IDLE_MINUTES, message = "must be between 5 and 480")
            Integer sessionIdleMinutes,
            @Min(value = Settings.MIN_BACKING_WINDOW_HOURS, message = "must be between 1 and 72")
            @Max(value = Settings.MAX_BACKING_WINDOW_HOURS, message = "must be between 1 and 72")
            Integer backingWindowHours,
            @Min(value = Settings.MIN_INFO_MAILS_PER_HOUR, message = "must be between 1 and 1000")
            @Max(value = Settings.MAX_INFO_MAILS_PER_HOUR, message = "must be between 1 and 1000")
            Integer infoMailsPerHour,
            LocalDate thresholdsValidFrom,
            @Size(max = 500, message = "must be at most 500 characters long") String reason,
            Long version) {

        /** The settings with the thresholds in force today. */
        static SettingsBody of(Settings s, ThresholdTimeline.InForce today) {
            Settings.Thresholds t = today.thresholds();
            return new SettingsBody(s.zone().getId(), t.minTalkSeconds(), t.longCallSeconds(), t.leadSpikeMinLeads(),
                    t.leadSpikeFactor(), t.leadSpikeWindowDays(), t.shortCallsMinAnswered(), t.shortCallsPercent(),
                    t.longCallsMinCount(), t.repeatDialsMax(), t.planMissPercent(),
                    s.configuredPbxZone() == null ? null : s.configuredPbxZone().getId(), s.recordingMaxBytes(),
                    s.sessionIdleMinutes(), today.backingWindowHours(), s.infoMailsPerHour(), null, null, s.getVersion());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "The call-centre settings, with the thresholds in force today")
    public SettingsBody get() {
        Settings settings = settings();
        return SettingsBody.of(settings, versions.timeline().centre(versions.today(settings.zone())));
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the settings (ADMIN); send the version you read")
    public SettingsBody update(SettingsBody body) {
        checks.valid(body);
        Settings settings = settings();
        ProblemException.requireVersion("The settings", body.version(), settings.getVersion());
        ZoneId zone;
        try {
            zone = ZoneId.of(body.timeZone().trim());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone; use an IANA name such as Europe/Moscow");
        }
        Settings.Thresholds thresholds;
        try {
            thresholds = new Settings.Thresholds(body.minTalkSeconds(), body.longCallSeconds(), body.leadSpikeMinLeads(),
                    body.leadSpikeFactor(), body.leadSpikeWindowDays(), body.shortCallsMinAnswered(),
                    body.shortCallsPercent(), body.longCallsMinCount(), body.repeatDialsMax(), body.planMissPercent());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("longCallSeconds", e.getMessage());
        }
        ZoneId pbxZone = null;
        if (body.pbxTimeZone() != null && !body.pbxTimeZone().isBlank()) {
            try {
                pbxZone = ZoneId.of(body.pbxTimeZone().trim());
            } catch (DateTimeException e) {
                throw ProblemException.invalid("pbxTimeZone", "is not a time zone; use an IANA name, or leave it out for the call-centre zone");
            }
        }
        boolean zoneChanged = !zone.equals(settings.zone());
        settings.change(zone, settings.thresholds());
        settings.telephony(pbxZone, body.recordingMaxBytes() == null ? settings.recordingMaxBytes() : body.recordingMaxBytes());
        // optional on PUT, so clients written before them keep working: absent keeps the current value
        if (body.sessionIdleMinutes() != null) {
            settings.sessionIdle(body.sessionIdleMinutes());
        }
        if (body.infoMailsPerHour() != null) {
            settings.infoMailsPerHour(body.infoMailsPerHour());
        }
        LocalDate today = versions.today(zone);
        LocalDate validFrom = body.thresholdsValidFrom() != null ? body.thresholdsValidFrom() : today;
        int backingWindow = body.backingWindowHours() != null ? body.backingWindowHours()
                : versions.timeline().centre(validFrom).backingWindowHours();
        Settings.Thresholds inForceBefore = settings.thresholds();
        int backingWindowBefore = settings.backingWindowHours();
        boolean versioned = versions.changeCentre(settings, thresholds, backingWindow, validFrom, today, body.reason());
        if (!versioned) {
            // a version that started since the last change may not be in the row yet
            versions.settleCentre(settings, today);
        }
        boolean thresholdsChanged = versioned || !inForceBefore.equals(settings.thresholds())
                || backingWindowBefore != settings.backingWindowHours();
        em.flush();
        if (zoneChanged || thresholdsChanged) {
            changed.fire(new SettingsChanged(null, zoneChanged));
        }
        return SettingsBody.of(settings, versions.timeline().centre(today));
    }

    private Settings settings() {
        return em.find(Settings.class, Settings.SINGLETON);
    }
}
