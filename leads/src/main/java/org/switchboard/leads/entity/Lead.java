package org.switchboard.leads.entity;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * A prospect who showed interest, owned by the operator who produced it, tied to the call it came from
 * (a call id, or the Asterisk uniqueid until that call is imported). Its time ({@code createdAt}) is the server's
 * time when it was entered, unless an import brought a historical one; who entered it and when is kept apart
 * ({@code enteredBy}, {@code enteredAt}) and never changes. The numbers its contact had at entry are kept with it:
 * only a call with one of them can back it.
 */
@Entity
@Table(name = "leads_lead")
@Audited
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_lead_seq")
    @SequenceGenerator(name = "leads_lead_seq", sequenceName = "leads_lead_seq", allocationSize = 100)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private Long contactId;

    @Column(name = "campaign_code", nullable = false, length = 40)
    private String campaign;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(nullable = false, length = 64)
    private String operator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LeadStatus status = LeadStatus.NEW;

    @Column(name = "lost_reason", length = 500)
    private String lostReason;

    @Column(name = "estimated_value", precision = 14, scale = 2)
    private BigDecimal estimatedValue;

    @Column(name = "call_id")
    private Long callId;

    @Column(name = "call_uniqueid", length = 64)
    private String callUniqueid;

    @Column(length = 4000)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** How the lead came in: its time is the server's (LIVE), historical from an import (IMPORTED), or from before the integrity rules (LEGACY). */
    public enum Entry {
        LIVE, IMPORTED, LEGACY
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Entry entry;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    @Column(name = "entered_by", nullable = false, length = 64, updatable = false)
    private String enteredBy;

    @NotAudited
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "leads_lead_number", joinColumns = @jakarta.persistence.JoinColumn(name = "lead_id"))
    @Column(name = "number", length = 20, nullable = false)
    private Set<String> numbers = new TreeSet<>();

    @Version
    private long version;

    protected Lead() {
    }

    /**
     * @param createdAt the lead's time: the entry time for a LIVE lead, the historical time for an IMPORTED one
     * @param numbers   the contact's numbers as the lead is entered
     */
    public Lead(long contactId, String campaign, long clientId, String operator, Instant createdAt, Entry entry,
            Instant enteredAt, String enteredBy, Collection<String> numbers) {
        this.contactId = contactId;
        this.campaign = campaign;
        this.clientId = clientId;
        this.operator = operator;
        // call records carry whole seconds; so do leads, so that exports import back as the same leads
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.entry = entry;
        this.enteredAt = enteredAt;
        this.enteredBy = enteredBy;
        this.numbers.addAll(numbers);
    }

    public void describe(BigDecimal estimatedValue, String notes, Long callId, String callUniqueid) {
        this.estimatedValue = estimatedValue;
        this.notes = notes;
        this.callId = callId;
        this.callUniqueid = callUniqueid;
    }

    /** A supervisor's correction of the lead's time (kept in the tamper trail by the caller). */
    public void retime(Instant createdAt) {
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public Entry getEntry() {
        return entry;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Set<String> getNumbers() {
        return numbers;
    }

    public void reassign(String operator) {
        this.operator = operator;
    }

    /** Moves the lead on; LOST needs a reason. The change is kept in the history. */
    public LeadStatusChange moveTo(LeadStatus next, String reason, String by, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("A " + status + " lead cannot become " + next);
        }
        if (next == LeadStatus.LOST && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a LOST lead needs a reason");
        }
        LeadStatusChange change = new LeadStatusChange(id, status, next, reason, by, at);
        this.status = next;
        this.lostReason = next == LeadStatus.LOST ? reason : null;
        return change;
    }

    /** The first entry of the history: the lead came into being (call after it has an id). */
    public LeadStatusChange born(String by) {
        return new LeadStatusChange(id, null, LeadStatus.NEW, null, by, createdAt);
    }

    public void reattach(long survivorContactId) {
        this.contactId = survivorContactId;
    }

    public Long getId() {
        return id;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getCampaign() {
        return campaign;
    }

    public Long getClientId() {
        return clientId;
    }

    public String getOperator() {
        return operator;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getLostReason() {
        return lostReason;
    }

    public BigDecimal getEstimatedValue() {
        return estimatedValue;
    }

    public Long getCallId() {
        return callId;
    }

    public String getCallUniqueid() {
        return callUniqueid;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
