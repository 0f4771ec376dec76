package org.switchboard.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One call a rule made for one contact and occasion (the birthday, the holiday, the event, the won deal), and how
 * it went. Rows are written by the generator with a plain INSERT that skips an existing (rule, contact, occasion).
 */
@Entity
@Table(name = "aftersales_task")
public class Task {

    public enum State {
        OPEN, REACHED, NOT_REACHED, DECLINED, ACCEPTED, CLOSED
    }

    @Id
    private Long id;

    @Column(name = "rule_id", nullable = false)
    private long ruleId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "occasion_date", nullable = false)
    private LocalDate occasionDate;

    @Column(name = "call_day", nullable = false)
    private LocalDate callDay;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "offer_code", length = 20)
    private String offerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state;

    @Column(name = "outcome_at")
    private Instant outcomeAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Task() {
    }

    /** Records how the call went; a NOT_REACHED task stays open for the next try. */
    public void outcome(State outcome, Instant at) {
        this.state = outcome;
        this.outcomeAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getRuleId() {
        return ruleId;
    }

    public long getContactId() {
        return contactId;
    }

    public LocalDate getOccasionDate() {
        return occasionDate;
    }

    public LocalDate getCallDay() {
        return callDay;
    }

    public Long getEntryId() {
        return entryId;
    }

    public String getOfferCode() {
        return offerCode;
    }

    public State getState() {
        return state;
    }

    public Instant getOutcomeAt() {
        return outcomeAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
