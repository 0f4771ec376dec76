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
import java.time.Instant;

/** One step of a lead's history: from which status to which, when, by whom and why. */
@Entity
@Table(name = "leads_lead_status_change")
public class LeadStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_lead_status_change_seq")
    @SequenceGenerator(name = "leads_lead_status_change_seq", sequenceName = "leads_lead_status_change_seq", allocationSize = 100)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private Long leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private LeadStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private LeadStatus to;

    @Column(length = 500)
    private String reason;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String by;

    @Column(nullable = false)
    private Instant at;

    protected LeadStatusChange() {
    }

    LeadStatusChange(Long leadId, LeadStatus from, LeadStatus to, String reason, String by, Instant at) {
        this.leadId = leadId;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.by = by;
        this.at = at;
    }

    public LeadStatus getFrom() {
        return from;
    }

    public LeadStatus getTo() {
        return to;
    }

    public String getReason() {
        return reason;
    }

    public String getBy() {
        return by;
    }

    public Instant getAt() {
        return at;
    }
}
