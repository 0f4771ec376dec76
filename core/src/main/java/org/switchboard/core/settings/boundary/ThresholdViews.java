package org.switchboard.core.settings.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.core.settings.control.ThresholdTimeline;
import org.switchboard.core.settings.entity.Settings;

/** The thresholds as the API shows them: in force on a day, their periods, and their history. */
public final class ThresholdViews {

    private ThresholdViews() {
    }

    /** Every threshold in force, since {@code validFrom}. */
    public record InForce(int minTalkSeconds, int longCallSeconds, int leadSpikeMinLeads, BigDecimal leadSpikeFactor,
            int leadSpikeWindowDays, int shortCallsMinAnswered, int shortCallsPercent, int longCallsMinCount,
            int repeatDialsMax, int planMissPercent, int backingWindowHours, LocalDate validFrom) {

        public static InForce of(ThresholdTimeline.InForce f) {
            Settings.Thresholds t = f.thresholds();
            return new InForce(t.minTalkSeconds(), t.longCallSeconds(), t.leadSpikeMinLeads(), t.leadSpikeFactor(),
                    t.leadSpikeWindowDays(), t.shortCallsMinAnswered(), t.shortCallsPercent(), t.longCallsMinCount(),
                    t.repeatDialsMax(), t.planMissPercent(), f.backingWindowHours(), f.validFrom());
        }
    }

    /** One version of the counted-call and long-call thresholds: the campaign's own, or the centre's. */
    public record HistoryEntry(LocalDate validFrom, Integer minTalkSeconds, Integer longCallSeconds, String scope,
            String setBy, Instant setAt) {
    }

    /** A campaign's thresholds: those in force today and every version behind them, newest first. */
    public record CampaignThresholds(String campaign, InForce inForce, List<HistoryEntry> history) {

        public static CampaignThresholds of(String campaign, ThresholdTimeline timeline, LocalDate today) {
            List<ThresholdTimeline.Version> versions = new ArrayList<>(timeline.campaignVersions(campaign));
            versions.addAll(timeline.centreVersions());
            versions.sort(Comparator.comparing(ThresholdTimeline.Version::validFrom)
                    .thenComparingLong(ThresholdTimeline.Version::id).reversed());
            List<HistoryEntry> history = versions.stream().map(v -> new HistoryEntry(v.validFrom(), v.minTalkSeconds(),
                    v.longCallSeconds(), v.campaign() == null ? ThresholdTimeline.Scope.CENTRE.name()
                            : ThresholdTimeline.Scope.CAMPAIGN.name(), v.setBy(), v.setAt())).toList();
            return new CampaignThresholds(campaign, InForce.of(timeline.of(campaign, today)), history);
        }
    }

    /** One period of values in force, {@code validFrom} to {@code validTo} inclusive (null: still in force). */
    public record Period(String scope, String campaign, LocalDate validFrom, LocalDate validTo, int minTalkSeconds,
            int longCallSeconds, int leadSpikeMinLeads, BigDecimal leadSpikeFactor, int leadSpikeWindowDays,
            int shortCallsMinAnswered, int shortCallsPercent, int longCallsMinCount, int repeatDialsMax,
            int planMissPercent, int backingWindowHours) {

        public static Period of(ThresholdTimeline.Period p) {
            Settings.Thresholds t = p.values().thresholds();
            return new Period(p.scope().name(), p.campaign(), p.validFrom(), p.validTo(), t.minTalkSeconds(),
                    t.longCallSeconds(), t.leadSpikeMinLeads(), t.leadSpikeFactor(), t.leadSpikeWindowDays(),
                    t.shortCallsMinAnswered(), t.shortCallsPercent(), t.longCallsMinCount(), t.repeatDialsMax(),
                    t.planMissPercent(), p.values().backingWindowHours());
        }
    }
}
