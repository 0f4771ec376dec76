package org.switchboard.core.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of the thresholds, in force from a call-centre day until the next version of the same scope: the
 * centre's (every threshold) or a campaign's overrides (counted and long call only; null: the centre's applies).
 * Written once and never changed, so a report for a past day can always say which values it used.
 */
@Entity
@Table(name = "core_threshold_version")
public class ThresholdVersion {

    /** The day the first versions start: the values in force "from the start". */
    public static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_threshold_version_seq")
    @SequenceGenerator(name = "core_threshold_version_seq", sequenceName = "core_threshold_version_seq", allocationSize = 50)
    private Long id;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "min_talk_seconds")
    private Integer minTalkSeconds;

    @Column(name = "long_call_seconds")
    private Integer longCallSeconds;

    @Column(name = "lead_spike_min_leads")
    private Integer leadSpikeMinLeads;

    @Column(name = "lead_spike_factor", precision = 6, scale = 2)
    private BigDecimal leadSpikeFactor;

    @Column(name = "lead_spike_window_days")
    private Integer leadSpikeWindowDays;

    @Column(name = "short_calls_min_answered")
    private Integer shortCallsMinAnswered;

    @Column(name = "short_calls_percent")
    private Integer shortCallsPercent;

    @Column(name = "long_calls_min_count")
    private Integer longCallsMinCount;

    @Column(name = "repeat_dials_max")
    private Integer repeatDialsMax;

    @Column(name = "plan_miss_percent")
    private Integer planMissPercent;

    @Column(name = "backing_window_hours")
    private Integer backingWindowHours;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    protected ThresholdVersion() {
    }

    private ThresholdVersion(String campaign, LocalDate validFrom, String setBy, Instant setAt) {
        this.campaign = campaign;
        this.validFrom = validFrom;
        this.setBy = setBy;
        this.setAt = setAt;
    }

    /** The centre's thresholds from a day on. */
    public static ThresholdVersion centre(LocalDate validFrom, Settings.Thresholds t, int backingWindowHours, String by,
            Instant at) {
        Settings.requireBackingWindow(backingWindowHours);
        ThresholdVersion v = new ThresholdVersion(null, validFrom, by, at);
        v.minTalkSeconds = t.minTalkSeconds();
        v.longCallSeconds = t.longCallSeconds();
        v.leadSpikeMinLeads = t.leadSpikeMinLeads();
        v.leadSpikeFactor = t.leadSpikeFactor();
        v.leadSpikeWindowDays = t.leadSpikeWindowDays();
        v.shortCallsMinAnswered = t.shortCallsMinAnswered();
        v.shortCallsPercent = t.shortCallsPercent();
        v.longCallsMinCount = t.longCallsMinCount();
        v.repeatDialsMax = t.repeatDialsMax();
        v.planMissPercent = t.planMissPercent();
        v.backingWindowHours = backingWindowHours;
        return v;
    }

    /** A campaign's overrides from a day on; a null field leaves the centre's value in force. */
    public static ThresholdVersion campaign(String code, LocalDate validFrom, Integer minTalkSeconds,
            Integer longCallSeconds, String by, Instant at) {
        if (minTalkSeconds != null && longCallSeconds != null && longCallSeconds <= minTalkSeconds) {
            throw new IllegalArgumentException("longCallSeconds must be greater than minTalkSeconds");
        }
        ThresholdVersion v = new ThresholdVersion(code, validFrom, by, at);
        v.minTalkSeconds = minTalkSeconds;
        v.longCallSeconds = longCallSeconds;
        return v;
    }

    public Long getId() {
        return id;
    }

    public String getCampaign() {
        return campaign;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }
}
