package org.switchboard.calls.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One number of one contact on a campaign's call list: how often it was tried, what came of it, when to try
 * again, whether it is done, and who holds it now. An operator holds an entry from the moment the queue hands it
 * out until the outcome is recorded or the lock runs out.
 */
@Entity
@Table(name = "calls_list_entry")
public class ListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_list_entry_seq")
    @SequenceGenerator(name = "calls_list_entry_seq", sequenceName = "calls_list_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_outcome", length = 20)
    private String lastOutcome;

    @Column(name = "last_call_at")
    private Instant lastCallAt;

    @Column(name = "last_call_id")
    private Long lastCallId;

    /** Who entered the last outcome: the operator who held the entry, or a supervisor for them. */
    @Column(name = "last_outcome_by", length = 64)
    private String lastOutcomeBy;

    @Column(name = "next_try_at")
    private Instant nextTryAt;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "locked_by", length = 64)
    private String lockedBy;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(nullable = false, length = 100)
    private String source;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Version
    private long version;

    protected ListEntry() {
    }

    public ListEntry(long campaignId, long contactId, String number, ZoneId zone, String source, Instant now) {
        this.campaignId = campaignId;
        this.contactId = contactId;
        this.number = number;
        this.timeZone = zone.getId();
        this.source = source;
        this.addedAt = now;
    }

    public boolean isHeldBy(String operator, Instant now) {
        return operator.equals(lockedBy) && lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean isHeldByAnotherThan(String operator, Instant now) {
        return lockedBy != null && !operator.equals(lockedBy) && lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Records one attempt's outcome: the lock ends, the attempt counts, and the entry is done or waits until
     * {@code nextTry} (null: it may be tried at once).
     */
    public void record(String outcome, Long callId, Instant at, boolean finished, Instant nextTry) {
        record(outcome, callId, at, finished, nextTry, null);
    }

    /** As {@link #record(String, Long, Instant, boolean, Instant)}, saying who entered the outcome. */
    public void record(String outcome, Long callId, Instant at, boolean finished, Instant nextTry, String by) {
        attempts++;
        lastOutcome = outcome;
        lastOutcomeBy = by;
        lastCallAt = at;
        lastCallId = callId;
        done = finished;
        nextTryAt = finished ? null : nextTry;
        lockedBy = null;
        lockedUntil = null;
    }

    /** Opens a finished entry again for a new occasion: attempts start afresh. */
    public void reopen(String newSource) {
        if (done || attempts > 0) {
            done = false;
            attempts = 0;
            nextTryAt = null;
            source = newSource;
        }
    }

    /** Sets the time of the next try without counting an attempt (a callback planned by hand). */
    public void planFor(Instant at) {
        if (!done) {
            nextTryAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public long getContactId() {
        return contactId;
    }

    public String getNumber() {
        return number;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastOutcome() {
        return lastOutcome;
    }

    public String getLastOutcomeBy() {
        return lastOutcomeBy;
    }

    public Instant getLastCallAt() {
        return lastCallAt;
    }

    public Long getLastCallId() {
        return lastCallId;
    }

    public Instant getNextTryAt() {
        return nextTryAt;
    }

    public boolean isDone() {
        return done;
    }

    public String getLockedBy() {
        return lockedBy;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public String getSource() {
        return source;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public long getVersion() {
        return version;
    }
}
