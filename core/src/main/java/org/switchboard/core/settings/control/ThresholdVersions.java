package org.switchboard.core.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.Session;
import org.switchboard.core.audit.control.RevisionAuthor;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.events.SettingsChanged;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.settings.entity.ThresholdVersion;
import org.switchboard.core.time.AppClock;

/**
 * Changes the thresholds as a contract: a change is a new version valid from a call-centre day, never an edit of the
 * past, and every changed field leaves a THRESHOLD_CHANGED entry in the tamper trail (with the day it applies from).
 * The settings row and each campaign's own columns keep the values in force today, for the readers that want "now".
 * Call inside the changing transaction.
 */
@ApplicationScoped
public class ThresholdVersions {

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    CallCentre callCentre;

    @Inject
    TamperTrail trail;

    @Inject
    Event<SettingsChanged> changed;

    /** Every version as stored now, this transaction's included. */
    public ThresholdTimeline timeline() {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(ThresholdTimeline::load);
    }

    /** Today, as a call-centre day. */
    public LocalDate today() {
        return today(callCentre.zone());
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.now(), zone);
    }

    /**
     * Makes {@code thresholds} and {@code backingWindowHours} the centre's values from {@code validFrom} on, when
     * they differ from those in force that day, and brings the settings row to the values in force today.
     *
     * @return whether a version was written
     */
    public boolean changeCentre(Settings settings, Settings.Thresholds thresholds, int backingWindowHours,
            LocalDate validFrom, LocalDate today, String reason) {
        ThresholdTimeline timeline = timeline();
        ThresholdTimeline.Version was = timeline.centreVersion(validFrom);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        compare(changes, "minTalkSeconds", was.minTalkSeconds(), thresholds.minTalkSeconds());
        compare(changes, "longCallSeconds", was.longCallSeconds(), thresholds.longCallSeconds());
        compare(changes, "leadSpikeMinLeads", was.leadSpikeMinLeads(), thresholds.leadSpikeMinLeads());
        if (was.leadSpikeFactor() == null || thresholds.leadSpikeFactor().compareTo(was.leadSpikeFactor()) != 0) {
            changes.put("leadSpikeFactor", new Object[] {plain(was.leadSpikeFactor()), plain(thresholds.leadSpikeFactor())});
        }
        compare(changes, "leadSpikeWindowDays", was.leadSpikeWindowDays(), thresholds.leadSpikeWindowDays());
        compare(changes, "shortCallsMinAnswered", was.shortCallsMinAnswered(), thresholds.shortCallsMinAnswered());
        compare(changes, "shortCallsPercent", was.shortCallsPercent(), thresholds.shortCallsPercent());
        compare(changes, "longCallsMinCount", was.longCallsMinCount(), thresholds.longCallsMinCount());
        compare(changes, "repeatDialsMax", was.repeatDialsMax(), thresholds.repeatDialsMax());
        compare(changes, "planMissPercent", was.planMissPercent(), thresholds.planMissPercent());
        compare(changes, "backingWindowHours", Objects.requireNonNullElse(was.backingWindowHours(), 12), backingWindowHours);
        if (changes.isEmpty()) {
            return false;
        }
        String by = RevisionAuthor.current();
        em.persist(ThresholdVersion.centre(validFrom, thresholds, backingWindowHours, by, clock.now()));
        String why = reason(validFrom, today, reason);
        List<Tamper> entries = new ArrayList<>();
        changes.forEach((field, values) -> entries.add(Tamper.of(TamperKind.THRESHOLD_CHANGED, "settings", "centre",
                null, null, null, field, values[0], values[1], why)));
        entries.forEach(e -> trail.record(e, by));
        settleCentre(settings, today);
        return true;
    }

    /** Brings the settings row to the centre's values in force today. */
    public void settleCentre(Settings settings, LocalDate today) {
        ThresholdTimeline.InForce now = timeline().centre(today);
        settings.change(settings.zone(), now.thresholds());
        settings.backingWindow(now.backingWindowHours());
    }

    /**
     * Makes {@code minTalkSeconds} and {@code longCallSeconds} (null: the centre's) the campaign's overrides from
     * {@code validFrom} on, when they differ from its overrides in force that day, and brings the campaign's columns
     * to its overrides in force today.
     *
     * @return whether a version was written
     */
    public boolean changeCampaign(Campaign campaign, Integer minTalkSeconds, Integer longCallSeconds,
            LocalDate validFrom, String reason) {
        ThresholdTimeline timeline = timeline();
        var was = timeline.campaignVersion(campaign.getCode(), validFrom);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        compare(changes, "minTalkSeconds", was.map(ThresholdTimeline.Version::minTalkSeconds).orElse(null), minTalkSeconds);
        compare(changes, "longCallSeconds", was.map(ThresholdTimeline.Version::longCallSeconds).orElse(null),
                longCallSeconds);
        if (changes.isEmpty()) {
            return false;
        }
        String by = RevisionAuthor.current();
        em.persist(ThresholdVersion.campaign(campaign.getCode(), validFrom, minTalkSeconds, longCallSeconds, by,
                clock.now()));
        LocalDate today = today();
        String why = reason(validFrom, today, reason);
        changes.forEach((field, values) -> trail.record(Tamper.of(TamperKind.THRESHOLD_CHANGED, "campaign",
                campaign.getCode(), campaign.getCode(), campaign.getClientId(), null, field, values[0], values[1], why), by));
        settleCampaign(campaign, today);
        return true;
    }

    /** The first overrides of a new campaign: in force from the start, since nothing was counted before it. */
    public void startCampaign(Campaign campaign) {
        if (campaign.getMinTalkSeconds() != null || campaign.getLongCallSeconds() != null) {
            em.persist(ThresholdVersion.campaign(campaign.getCode(), ThresholdVersion.BEGINNING,
                    campaign.getMinTalkSeconds(), campaign.getLongCallSeconds(), RevisionAuthor.current(), clock.now()));
        }
    }

    /** Brings a campaign's own columns to its overrides in force today. */
    public void settleCampaign(Campaign campaign, LocalDate today) {
        var now = timeline().campaignVersion(campaign.getCode(), today);
        campaign.override(now.map(ThresholdTimeline.Version::minTalkSeconds).orElse(null),
                now.map(ThresholdTimeline.Version::longCallSeconds).orElse(null));
    }

    /**
     * Brings the settings row and every campaign's own columns to the values in force today, so a version that starts
     * on a later day reaches them when that day comes; announces what moved, as a change would.
     */
    @Transactional
    public void settleToday() {
        Settings settings = callCentre.settings();
        LocalDate today = today(settings.zone());
        Settings.Thresholds before = settings.thresholds();
        int backingBefore = settings.backingWindowHours();
        settleCentre(settings, today);
        List<SettingsChanged> moved = new ArrayList<>();
        if (!before.equals(settings.thresholds()) || backingBefore != settings.backingWindowHours()) {
            moved.add(new SettingsChanged(null, false));
        }
        ThresholdTimeline timeline = timeline();
        timeline.versions().stream().map(ThresholdTimeline.Version::campaign).filter(Objects::nonNull).distinct()
                .forEach(code -> em.createQuery("SELECT c FROM Campaign c WHERE c.code = :code", Campaign.class)
                        .setParameter("code", code).getResultStream().findFirst().ifPresent(campaign -> {
                            var now = timeline.campaignVersion(code, today);
                            Integer min = now.map(ThresholdTimeline.Version::minTalkSeconds).orElse(null);
                            Integer longCall = now.map(ThresholdTimeline.Version::longCallSeconds).orElse(null);
                            if (!Objects.equals(min, campaign.getMinTalkSeconds())
                                    || !Objects.equals(longCall, campaign.getLongCallSeconds())) {
                                campaign.override(min, longCall);
                                moved.add(new SettingsChanged(code, false));
                            }
                        }));
        em.flush();
        moved.forEach(changed::fire);
    }

    /** The trail's reason: the day a change applies from, said plainly when it reaches into the past. */
    static String reason(LocalDate validFrom, LocalDate today, String reason) {
        String text = "from " + validFrom;
        if (validFrom.isBefore(today)) {
            text += " (a past day: the figures of " + validFrom + " onwards are counted with the new values)";
        }
        if (reason != null && !reason.isBlank()) {
            text += ": " + reason.trim();
        }
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static void compare(Map<String, Object[]> changes, String field, Integer before, Integer after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
