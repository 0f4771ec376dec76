package org.switchboard.core.campaigns.entity;

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
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/**
 * A campaign of one client. Its {@code code} (e.g. {@code ADS-NOV}) is how people, files and the PBX
 * name it — it matches the Asterisk {@code accountcode} — and never changes once records refer to it.
 */
@Entity
@Table(name = "core_campaign")
@Audited
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_campaign_seq")
    @SequenceGenerator(name = "core_campaign_seq", sequenceName = "core_campaign_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignType type;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Campaign() {
    }

    public Campaign(String code, CampaignType type, Long clientId, Instant now) {
        this.code = code;
        this.type = type;
        this.clientId = clientId;
        this.createdAt = now;
    }

    public void describe(String name, LocalDate startsOn, LocalDate endsOn, boolean active) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("endsOn must not be before startsOn");
        }
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CampaignType getType() {
        return type;
    }

    public Long getClientId() {
        return clientId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
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
