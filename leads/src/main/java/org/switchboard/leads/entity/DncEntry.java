package org.switchboard.leads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.Audited;

/**
 * A number that must never be called: on the global list (no client), or for one client's campaigns.
 * {@code scope} is {@code *} or the client id, so (number, scope) is unique in both databases.
 */
@Entity
@Table(name = "leads_dnc")
@Audited
public class DncEntry {

    public static final String GLOBAL = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_dnc_seq")
    @SequenceGenerator(name = "leads_dnc_seq", sequenceName = "leads_dnc_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(name = "client_id")
    private Long clientId;

    @Column(nullable = false, length = 20)
    private String scope;

    @Column(length = 500)
    private String reason;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DncEntry() {
    }

    public DncEntry(String number, Long clientId, String reason, Long contactId, String createdBy, Instant now) {
        this.number = number;
        this.clientId = clientId;
        this.scope = scopeOf(clientId);
        this.reason = reason;
        this.contactId = contactId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public static String scopeOf(Long clientId) {
        return clientId == null ? GLOBAL : clientId.toString();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getClientId() {
        return clientId;
    }

    public String getReason() {
        return reason;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
