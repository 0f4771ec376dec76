package org.switchboard.core.clients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;

/** A company that pays the call centre for its campaigns. */
@Entity
@Table(name = "core_client")
@Audited
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_client_seq")
    @SequenceGenerator(name = "core_client_seq", sequenceName = "core_client_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Column(name = "contact_email", length = 254)
    private String contactEmail;

    @Column(length = 2000)
    private String notes;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
    }

    public void describe(String name, String contactEmail, String notes, boolean active) {
        this.name = name;
        this.contactEmail = contactEmail;
        this.notes = notes;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
