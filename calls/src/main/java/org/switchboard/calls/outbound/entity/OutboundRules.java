package org.switchboard.calls.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalTime;

/** A campaign's outbound rules: script, attempts and retries, calling window, consent, lock and grace periods. */
@Entity
@Table(name = "calls_outbound_rules")
public class OutboundRules {

    public static final int MAX_ATTEMPTS = 5;
    public static final int RETRY_NO_ANSWER_MINUTES = 120;
    public static final int RETRY_BUSY_MINUTES = 15;
    public static final LocalTime WINDOW_START = LocalTime.of(9, 0);
    public static final LocalTime WINDOW_END = LocalTime.of(21, 0);
    public static final int LOCK_MINUTES = 5;
    public static final int CALLBACK_GRACE_MINUTES = 15;

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(length = 20000)
    private String script;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts = MAX_ATTEMPTS;

    @Column(name = "retry_no_answer_minutes", nullable = false)
    private int retryNoAnswerMinutes = RETRY_NO_ANSWER_MINUTES;

    @Column(name = "retry_busy_minutes", nullable = false)
    private int retryBusyMinutes = RETRY_BUSY_MINUTES;

    @Column(name = "window_start", nullable = false)
    private LocalTime windowStart = WINDOW_START;

    @Column(name = "window_end", nullable = false)
    private LocalTime windowEnd = WINDOW_END;

    @Column(name = "needs_consent", nullable = false)
    private boolean needsConsent;

    @Column(name = "lock_minutes", nullable = false)
    private int lockMinutes = LOCK_MINUTES;

    @Column(name = "callback_grace_minutes", nullable = false)
    private int callbackGraceMinutes = CALLBACK_GRACE_MINUTES;

    @Version
    private long version;

    protected OutboundRules() {
    }

    /** The defaults, for a campaign that has set none. */
    public OutboundRules(long campaignId) {
        this.campaignId = campaignId;
    }

    /**
     * Changes the rules. The calling window may only narrow the default 09:00–21:00 (the law's hours are not the
     * campaign's to widen).
     */
    public void change(String script, int maxAttempts, int retryNoAnswerMinutes, int retryBusyMinutes,
            LocalTime windowStart, LocalTime windowEnd, boolean needsConsent, int lockMinutes, int callbackGraceMinutes) {
        if (windowStart.isBefore(WINDOW_START) || windowEnd.isAfter(WINDOW_END) || !windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("the calling window must lie within 09:00–21:00, start before end");
        }
        if (maxAttempts < 1 || retryNoAnswerMinutes < 1 || retryBusyMinutes < 1 || lockMinutes < 1 || callbackGraceMinutes < 0) {
            throw new IllegalArgumentException("attempts, retries and the lock must be positive");
        }
        this.script = script;
        this.maxAttempts = maxAttempts;
        this.retryNoAnswerMinutes = retryNoAnswerMinutes;
        this.retryBusyMinutes = retryBusyMinutes;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.needsConsent = needsConsent;
        this.lockMinutes = lockMinutes;
        this.callbackGraceMinutes = callbackGraceMinutes;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getScript() {
        return script;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public int getRetryNoAnswerMinutes() {
        return retryNoAnswerMinutes;
    }

    public int getRetryBusyMinutes() {
        return retryBusyMinutes;
    }

    public LocalTime getWindowStart() {
        return windowStart;
    }

    public LocalTime getWindowEnd() {
        return windowEnd;
    }

    public boolean isNeedsConsent() {
        return needsConsent;
    }

    public int getLockMinutes() {
        return lockMinutes;
    }

    public int getCallbackGraceMinutes() {
        return callbackGraceMinutes;
    }

    public long getVersion() {
        return version;
    }
}
