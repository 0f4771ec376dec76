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
import org.hibernate.envers.Audited;

/**
 * A prospect who showed interest, owned by the operator who produced it, tied to the call it came from
 * (a call id, or the Asterisk uniqueid until that call is imported). It counts on the day it was created:
 * the time of its call when it came from one.
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

    @Version
    private long version;

    protected Lead() {
    }

    public Lead(long contactId, String campaign, long clientId, String operator, Instant createdAt) {
        this.contactId = contactId;
        this.campaign = campaign;
        this.clientId = clientId;
        this.operator = operator;
        // call records carry whole seconds; so do leads, so that exports import back as the same leads
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public void describe(BigDecimal estimatedValue, String notes, Long callId, String callUniqueid) {
        this.estimatedValue = estimatedValue;
        this.notes = notes;
        this.callId = callId;
        this.callUniqueid = callUniqueid;
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
