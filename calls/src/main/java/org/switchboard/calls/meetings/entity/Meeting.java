package org.switchboard.calls.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A meeting of a sales manager (a SUPERVISOR user, by username) with a contact, from {@code start} to
 * {@code end}. It may come from a call and belong to a campaign (and so to that campaign's client).
 * A meeting is never deleted: it is cancelled with a reason and stays on the calendar as cancelled.
 */
@Entity
@Table(name = "calls_meeting")
public class Meeting {

    /** The longest meeting that can be booked. */
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    public enum State {
        SCHEDULED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_meeting_seq")
    @SequenceGenerator(name = "calls_meeting_seq", sequenceName = "calls_meeting_seq", allocationSize = 50)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 64)
    private String manager;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(length = 500)
    private String place;

    @Column(length = 2000)
    private String note;

    @Column(name = "call_id")
    private Long callId;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "booked_by", nullable = false, length = 64)
    private String bookedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Meeting() {
    }

    public Meeting(long contactId, String manager, Instant start, Instant end, String place, String note, Long callId,
            String campaign, Long clientId, String bookedBy, Instant now) {
        requirePeriod(start, end);
        this.contactId = contactId;
        this.manager = manager;
        this.startsAt = start;
        this.endsAt = end;
        this.place = place;
        this.note = note;
        this.callId = callId;
        this.campaign = campaign;
        this.clientId = clientId;
        this.bookedBy = bookedBy;
        this.state = State.SCHEDULED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Two periods overlap when each starts before the other ends. Periods are half-open, so back-to-back
     * meetings (one ends exactly when the next starts) do not overlap.
     */
    public static boolean overlap(Instant start1, Instant end1, Instant start2, Instant end2) {
        return start1.isBefore(end2) && start2.isBefore(end1);
    }

    /** Whether this meeting takes up the manager's time in the given period. Cancelled meetings take none. */
    public boolean blocks(String manager, Instant start, Instant end) {
        return state == State.SCHEDULED && this.manager.equals(manager) && overlap(startsAt, endsAt, start, end);
    }

    /** Moves the meeting (perhaps to another manager) and rewrites where and what. */
    public void reschedule(String manager, Instant start, Instant end, String place, String note, Instant now) {
        requireScheduled();
        requirePeriod(start, end);
        this.manager = manager;
        this.startsAt = start;
        this.endsAt = end;
        this.place = place;
        this.note = note;
        this.updatedAt = now;
    }

    public void cancel(String reason, Instant now) {
        requireScheduled();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation needs a reason");
        }
        this.state = State.CANCELLED;
        this.cancelReason = reason.trim();
        this.updatedAt = now;
    }

    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    private void requireScheduled() {
        if (state != State.SCHEDULED) {
            throw new IllegalStateException("meeting " + id + " is cancelled and cannot change");
        }
    }

    private static void requirePeriod(Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a meeting must end after it starts");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a meeting may last at most " + MAX_LENGTH.toHours() + " hours");
        }
    }

    public Long getId() {
        return id;
    }

    public long getContactId() {
        return contactId;
    }

    public String getManager() {
        return manager;
    }

    public Instant getStart() {
        return startsAt;
    }

    public Instant getEnd() {
        return endsAt;
    }

    public String getPlace() {
        return place;
    }

    public String getNote() {
        return note;
    }

    public Long getCallId() {
        return callId;
    }

    public String getCampaign() {
        return campaign;
    }

    public Long getClientId() {
        return clientId;
    }

    public String getBookedBy() {
        return bookedBy;
    }

    public State getState() {
        return state;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
