package org.switchboard.calls.outbound.entity;

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
 * A promise to call a contact back: due at an instant, owned by an operator or by the pool. It stays OPEN until
 * a call on its entry closes it (DONE) or someone cancels it with a reason — it is never lost. An owned callback
 * not taken within the grace period belongs to the pool too, and is overdue.
 */
@Entity
@Table(name = "calls_callback")
public class Callback {

    public enum State {
        OPEN, DONE, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_callback_seq")
    @SequenceGenerator(name = "calls_callback_seq", sequenceName = "calls_callback_seq", allocationSize = 50)
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "escalate_at", nullable = false)
    private Instant escalateAt;

    @Column(length = 64)
    private String owner;

    @Column(length = 2000)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state = State.OPEN;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_by", length = 64)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Callback() {
    }

    public Callback(ListEntry entry, Instant dueAt, Duration grace, String owner, String note, String by, Instant now) {
        this.entryId = entry.getId();
        this.campaignId = entry.getCampaignId();
        this.contactId = entry.getContactId();
        this.number = entry.getNumber();
        this.dueAt = dueAt;
        this.escalateAt = dueAt.plus(grace);
        this.owner = owner;
        this.note = note;
        this.createdBy = by;
        this.createdAt = now;
    }

    /** Past its due time plus the grace period and still open: the pool's, and a supervisor's concern. */
    public boolean isOverdue(Instant now) {
        return state == State.OPEN && escalateAt.isBefore(now);
    }

    public void reassign(String newOwner, Instant newDue, Duration grace, String newNote) {
        requireOpen();
        this.owner = newOwner;
        if (newDue != null) {
            this.dueAt = newDue;
            this.escalateAt = newDue.plus(grace);
        }
        if (newNote != null) {
            this.note = newNote;
        }
    }

    public void done(String by, Instant at) {
        requireOpen();
        state = State.DONE;
        closedBy = by;
        closedAt = at;
    }

    public void cancel(String reason, String by, Instant at) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a callback is cancelled only with a reason");
        }
        state = State.CANCELLED;
        cancelReason = reason.trim();
        closedBy = by;
        closedAt = at;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("callback " + id + " is " + state);
        }
    }

    public Long getId() {
        return id;
    }

    public long getEntryId() {
        return entryId;
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

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getEscalateAt() {
        return escalateAt;
    }

    public String getOwner() {
        return owner;
    }

    public String getNote() {
        return note;
    }

    public State getState() {
        return state;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }
}
