package org.switchboard.core.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.hibernate.envers.Audited;

/**
 * The installation's settings: one row. Defaults are DOMAIN.md's (seeded by the core migration);
 * campaigns may override the thresholds for themselves.
 */
@Entity
@Table(name = "core_settings")
@Audited
public class Settings {

    /** The one row's id. */
    public static final long SINGLETON = 1L;

    @Id
    private Long id;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "min_talk_seconds", nullable = false)
    private int minTalkSeconds;

    @Column(name = "long_call_seconds", nullable = false)
    private int longCallSeconds;

    @Column(name = "lead_spike_min_leads", nullable = false)
    private int leadSpikeMinLeads;

    @Column(name = "lead_spike_factor", nullable = false, precision = 6, scale = 2)
    private BigDecimal leadSpikeFactor;

    @Column(name = "lead_spike_window_days", nullable = false)
    private int leadSpikeWindowDays;

    @Column(name = "short_calls_min_answered", nullable = false)
    private int shortCallsMinAnswered;

    @Column(name = "short_calls_percent", nullable = false)
    private int shortCallsPercent;

    @Column(name = "long_calls_min_count", nullable = false)
    private int longCallsMinCount;

    @Column(name = "repeat_dials_max", nullable = false)
    private int repeatDialsMax;

    @Column(name = "plan_miss_percent", nullable = false)
    private int planMissPercent;

    /** The zone the PBX writes its times in; null: the call-centre zone. */
    @Column(name = "pbx_time_zone", length = 64)
    private String pbxTimeZone;

    @Column(name = "recording_max_bytes", nullable = false)
    private long recordingMaxBytes;

    /** Minutes without a key press or click after which the browser UI signs its user out. */
    @Column(name = "session_idle_minutes", nullable = false)
    private int sessionIdleMinutes;

    /** Hours before a lead was entered within which its call must have ended for the lead to be backed. */
    @Column(name = "backing_window_hours", nullable = false)
    private int backingWindowHours;

    /** Info e-mails one operator may send within an hour: their requests are what make the server send mail. */
    @Column(name = "info_mails_per_hour", nullable = false)
    private int infoMailsPerHour;

    @Version
    private long version;

    protected Settings() {
    }

    /** The thresholds as one value, so they are checked and changed together. */
    public record Thresholds(int minTalkSeconds, int longCallSeconds, int leadSpikeMinLeads, BigDecimal leadSpikeFactor,
            int leadSpikeWindowDays, int shortCallsMinAnswered, int shortCallsPercent, int longCallsMinCount,
            int repeatDialsMax, int planMissPercent) {

        public Thresholds {
            if (longCallSeconds <= minTalkSeconds) {
                throw new IllegalArgumentException("longCallSeconds must be greater than minTalkSeconds");
            }
        }
    }

    public void change(ZoneId zone, Thresholds t) {
        this.timeZone = zone.getId();
        this.minTalkSeconds = t.minTalkSeconds();
        this.longCallSeconds = t.longCallSeconds();
        this.leadSpikeMinLeads = t.leadSpikeMinLeads();
        this.leadSpikeFactor = t.leadSpikeFactor();
        this.leadSpikeWindowDays = t.leadSpikeWindowDays();
        this.shortCallsMinAnswered = t.shortCallsMinAnswered();
        this.shortCallsPercent = t.shortCallsPercent();
        this.longCallsMinCount = t.longCallsMinCount();
        this.repeatDialsMax = t.repeatDialsMax();
        this.planMissPercent = t.planMissPercent();
    }

    public void telephony(ZoneId pbxZone, long recordingMaxBytes) {
        if (recordingMaxBytes < 1024) {
            throw new IllegalArgumentException("recordingMaxBytes must be at least 1024");
        }
        this.pbxTimeZone = pbxZone == null ? null : pbxZone.getId();
        this.recordingMaxBytes = recordingMaxBytes;
    }

    /** Bounds of {@link #sessionIdleMinutes()}: not so short that reading a report ends a session, at most a working day. */
    public static final int MIN_IDLE_MINUTES = 5;
    public static final int MAX_IDLE_MINUTES = 480;

    public void sessionIdle(int minutes) {
        if (minutes < MIN_IDLE_MINUTES || minutes > MAX_IDLE_MINUTES) {
            throw new IllegalArgumentException("sessionIdleMinutes must be between " + MIN_IDLE_MINUTES + " and "
                    + MAX_IDLE_MINUTES);
        }
        this.sessionIdleMinutes = minutes;
    }

    /** Bounds of {@link #backingWindowHours()}: at least an hour, at most three days. */
    public static final int MIN_BACKING_WINDOW_HOURS = 1;
    public static final int MAX_BACKING_WINDOW_HOURS = 72;

    public static void requireBackingWindow(int hours) {
        if (hours < MIN_BACKING_WINDOW_HOURS || hours > MAX_BACKING_WINDOW_HOURS) {
            throw new IllegalArgumentException("backingWindowHours must be between " + MIN_BACKING_WINDOW_HOURS
                    + " and " + MAX_BACKING_WINDOW_HOURS);
        }
    }

    public void backingWindow(int hours) {
        requireBackingWindow(hours);
        this.backingWindowHours = hours;
    }

    /** The lead backing window in force today (DOMAIN.md, "backed lead"). */
    public int backingWindowHours() {
        return backingWindowHours;
    }

    /** Bounds of {@link #infoMailsPerHour()}. */
    public static final int MIN_INFO_MAILS_PER_HOUR = 1;
    public static final int MAX_INFO_MAILS_PER_HOUR = 1000;

    public void infoMailsPerHour(int perHour) {
        if (perHour < MIN_INFO_MAILS_PER_HOUR || perHour > MAX_INFO_MAILS_PER_HOUR) {
            throw new IllegalArgumentException("infoMailsPerHour must be between " + MIN_INFO_MAILS_PER_HOUR + " and "
                    + MAX_INFO_MAILS_PER_HOUR);
        }
        this.infoMailsPerHour = perHour;
    }

    public int infoMailsPerHour() {
        return infoMailsPerHour;
    }

    public int sessionIdleMinutes() {
        return sessionIdleMinutes;
    }

    /** The PBX's zone as configured, or null when it is the call-centre zone. */
    public ZoneId configuredPbxZone() {
        return pbxTimeZone == null ? null : ZoneId.of(pbxTimeZone);
    }

    public ZoneId pbxZone() {
        return pbxTimeZone == null ? zone() : ZoneId.of(pbxTimeZone);
    }

    public long recordingMaxBytes() {
        return recordingMaxBytes;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Thresholds thresholds() {
        return new Thresholds(minTalkSeconds, longCallSeconds, leadSpikeMinLeads, leadSpikeFactor, leadSpikeWindowDays,
                shortCallsMinAnswered, shortCallsPercent, longCallsMinCount, repeatDialsMax, planMissPercent);
    }

    public long getVersion() {
        return version;
    }
}
