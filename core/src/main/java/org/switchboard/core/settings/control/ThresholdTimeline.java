package org.switchboard.core.settings.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.switchboard.core.settings.entity.Settings;

/**
 * The thresholds as they were in force on each call-centre day: the centre's versions and each campaign's overrides,
 * each valid from a day until the next version of the same scope. A report for a past day uses the values in force on
 * that day, so a change never rewrites the past silently. Read from {@code core_threshold_version}.
 */
public final class ThresholdTimeline {

    /** One version as stored; null fields of a campaign's version fall back to the centre's values in force. */
    public record Version(long id, String campaign, LocalDate validFrom, Integer minTalkSeconds, Integer longCallSeconds,
            Integer leadSpikeMinLeads, BigDecimal leadSpikeFactor, Integer leadSpikeWindowDays,
            Integer shortCallsMinAnswered, Integer shortCallsPercent, Integer longCallsMinCount, Integer repeatDialsMax,
            Integer planMissPercent, Integer backingWindowHours, String setBy, java.time.Instant setAt) {
    }

    /** The values in force for one scope on one day. */
    public record InForce(Settings.Thresholds thresholds, int backingWindowHours, LocalDate validFrom) {

        public int minTalkSeconds() {
            return thresholds.minTalkSeconds();
        }

        public int longCallSeconds() {
            return thresholds.longCallSeconds();
        }
    }

    static final String SELECT = "SELECT id, campaign_code, valid_from, min_talk_seconds, long_call_seconds,"
            + " lead_spike_min_leads, lead_spike_factor, lead_spike_window_days, short_calls_min_answered,"
            + " short_calls_percent, long_calls_min_count, repeat_dials_max, plan_miss_percent, backing_window_hours,"
            + " set_by, set_at FROM core_threshold_version";

    private static final Comparator<Version> NEWEST_FIRST = Comparator.comparing(Version::validFrom)
            .thenComparingLong(Version::id).reversed();

    private final List<Version> centre;
    private final Map<String, List<Version>> campaigns;

    public ThresholdTimeline(List<Version> versions) {
        List<Version> c = new ArrayList<>();
        Map<String, List<Version>> k = new HashMap<>();
        for (Version v : versions) {
            if (v.campaign() == null) {
                c.add(v);
            } else {
                k.computeIfAbsent(v.campaign(), x -> new ArrayList<>()).add(v);
            }
        }
        c.sort(NEWEST_FIRST);
        k.values().forEach(l -> l.sort(NEWEST_FIRST));
        if (c.isEmpty()) {
            throw new IllegalStateException("core_threshold_version holds no centre thresholds; the core migration seeds them");
        }
        this.centre = c;
        this.campaigns = k;
    }

    public static ThresholdTimeline load(Connection c) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                versions.add(new Version(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), integer(rs, 4),
                        integer(rs, 5), integer(rs, 6), rs.getBigDecimal(7), integer(rs, 8), integer(rs, 9),
                        integer(rs, 10), integer(rs, 11), integer(rs, 12), integer(rs, 13), integer(rs, 14),
                        rs.getString(15), rs.getTimestamp(16).toInstant()));
            }
        }
        return new ThresholdTimeline(versions);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Every version, the centre's first, each scope newest first. */
    public List<Version> versions() {
        List<Version> all = new ArrayList<>(centre);
        campaigns.keySet().stream().sorted().forEach(k -> all.addAll(campaigns.get(k)));
        return all;
    }

    /** The centre's values in force on a day (the oldest version also covers the days before it). */
    public InForce centre(LocalDate day) {
        Version v = latest(centre, day);
        return new InForce(new Settings.Thresholds(v.minTalkSeconds(), v.longCallSeconds(), v.leadSpikeMinLeads(),
                v.leadSpikeFactor(), v.leadSpikeWindowDays(), v.shortCallsMinAnswered(), v.shortCallsPercent(),
                v.longCallsMinCount(), v.repeatDialsMax(), v.planMissPercent()),
                v.backingWindowHours() == null ? 12 : v.backingWindowHours(), v.validFrom());
    }

    /** A campaign's values in force on a day: its own overrides then, else the centre's. */
    public InForce of(String campaign, LocalDate day) {
        InForce base = centre(day);
        List<Version> own = campaign == null ? null : campaigns.get(campaign);
        if (own == null) {
            return base;
        }
        Version v = latestOrNull(own, day);
        if (v == null || (v.minTalkSeconds() == null && v.longCallSeconds() == null)) {
            return base;
        }
        Settings.Thresholds t = base.thresholds();
        int min = v.minTalkSeconds() != null ? v.minTalkSeconds() : t.minTalkSeconds();
        int longCall = v.longCallSeconds() != null ? v.longCallSeconds() : t.longCallSeconds();
        if (longCall <= min) {
            // a centre change may meet an override it no longer fits: the override's pair wins as a whole
            longCall = Math.max(min + 1, Objects.requireNonNullElse(v.longCallSeconds(), min + 1));
        }
        return new InForce(new Settings.Thresholds(min, longCall, t.leadSpikeMinLeads(), t.leadSpikeFactor(),
                t.leadSpikeWindowDays(), t.shortCallsMinAnswered(), t.shortCallsPercent(), t.longCallsMinCount(),
                t.repeatDialsMax(), t.planMissPercent()), base.backingWindowHours(),
                v.validFrom().isAfter(base.validFrom()) ? v.validFrom() : base.validFrom());
    }

    /** The centre's version in force on a day (the oldest also covers the days before it). */
    public Version centreVersion(LocalDate day) {
        return latest(centre, day);
    }

    /** A campaign's own version in force on a day, if it has one then (its fields may be null: the centre's apply). */
    public java.util.Optional<Version> campaignVersion(String campaign, LocalDate day) {
        List<Version> own = campaign == null ? null : campaigns.get(campaign);
        return java.util.Optional.ofNullable(own == null ? null : latestOrNull(own, day));
    }

    /** The centre's versions, newest first. */
    public List<Version> centreVersions() {
        return List.copyOf(centre);
    }

    /** A campaign's own versions, newest first; empty when it never had overrides. */
    public List<Version> campaignVersions(String campaign) {
        return List.copyOf(campaigns.getOrDefault(campaign, List.of()));
    }

    /** Whose values a period carries: the campaign's own overrides, or the centre's alone. */
    public enum Scope {
        CENTRE, CAMPAIGN
    }

    /**
     * One stretch of days with the same versions in force: from {@code validFrom} to {@code validTo} inclusive
     * ({@code validTo} null: still in force).
     */
    public record Period(Scope scope, String campaign, LocalDate validFrom, LocalDate validTo, InForce values) {
    }

    /**
     * The periods in force for a campaign (null: the centre alone) that overlap {@code [from, to]} (either may be
     * null: open), oldest first. A period starts on every day a version of the centre or of the campaign starts;
     * of versions starting on the same day the latest id wins the whole day.
     */
    public List<Period> periods(String campaign, LocalDate from, LocalDate to) {
        java.util.TreeSet<LocalDate> starts = new java.util.TreeSet<>();
        centre.forEach(v -> starts.add(v.validFrom()));
        if (campaign != null) {
            campaigns.getOrDefault(campaign, List.of()).forEach(v -> starts.add(v.validFrom()));
        }
        List<Period> periods = new ArrayList<>();
        for (LocalDate start : starts) {
            LocalDate next = starts.higher(start);
            LocalDate end = next == null ? null : next.minusDays(1);
            if ((to != null && start.isAfter(to)) || (from != null && end != null && end.isBefore(from))) {
                continue;
            }
            boolean own = campaignVersion(campaign, start)
                    .filter(v -> v.minTalkSeconds() != null || v.longCallSeconds() != null).isPresent();
            periods.add(new Period(own ? Scope.CAMPAIGN : Scope.CENTRE, campaign, start, end, of(campaign, start)));
        }
        return periods;
    }

    private static Version latest(List<Version> newestFirst, LocalDate day) {
        Version v = latestOrNull(newestFirst, day);
        return v != null ? v : newestFirst.get(newestFirst.size() - 1);
    }

    private static Version latestOrNull(List<Version> newestFirst, LocalDate day) {
        for (Version v : newestFirst) {
            if (!v.validFrom().isAfter(day)) {
                return v;
            }
        }
        return null;
    }
}
