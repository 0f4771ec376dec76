package org.switchboard.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A discount or gift with a code of its own for one contact, valid until a day, redeemed at most once. */
@Entity
@Table(name = "aftersales_offer")
public class Offer {

    @Id
    @Column(length = 20)
    private String code;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(name = "offer_value", nullable = false, length = 200)
    private String value;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "redeemed_by", length = 64)
    private String redeemedBy;

    protected Offer() {
    }

    public String getCode() {
        return code;
    }

    public long getTaskId() {
        return taskId;
    }

    public long getContactId() {
        return contactId;
    }

    public String getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Instant getRedeemedAt() {
        return redeemedAt;
    }

    public String getRedeemedBy() {
        return redeemedBy;
    }
}
