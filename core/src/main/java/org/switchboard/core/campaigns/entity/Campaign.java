package org.switchboard.core.campaigns.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
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

    /** Usernames of the operators who work this campaign. */
    @ElementCollection
    @CollectionTable(name = "core_campaign_operator", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "username", nullable = false, length = 64)
    private Set<String> operators = new TreeSet<>();

    /** The numbers (E.164) callers dial to reach this campaign — how an inbound call finds its campaign. */
    @ElementCollection
    @CollectionTable(name = "core_campaign_number", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "number", nullable = false, length = 20)
    private Set<String> numbers = new TreeSet<>();

    /** Overrides of the call-centre thresholds for this campaign in force today; null keeps the setting. */
    @Column(name = "min_talk_seconds")
    private Integer minTalkSeconds;

    @Column(name = "long_call_seconds")
    private Integer longCallSeconds;

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

    public void staff(Set<String> operators, Set<String> numbers) {
        this.operators.clear();
        this.operators.addAll(operators);
        this.numbers.clear();
        this.numbers.addAll(numbers);
    }

    /**
     * The overrides in force today. Their history is kept as threshold versions; these columns only say "now", so
     * change them through the versions, never alone.
     */
    public void override(Integer minTalkSeconds, Integer longCallSeconds) {
        requireOverrides(minTalkSeconds, longCallSeconds);
        this.minTalkSeconds = minTalkSeconds;
        this.longCallSeconds = longCallSeconds;
    }

    public static void requireOverrides(Integer minTalkSeconds, Integer longCallSeconds) {
        if (minTalkSeconds != null && longCallSeconds != null && longCallSeconds <= minTalkSeconds) {
            throw new IllegalArgumentException("longCallSeconds must be greater than minTalkSeconds");
        }
    }

    public Set<String> getOperators() {
        return Set.copyOf(operators);
    }

    public Set<String> getNumbers() {
        return Set.copyOf(numbers);
    }

    public Integer getMinTalkSeconds() {
        return minTalkSeconds;
    }

    public Integer getLongCallSeconds() {
        return longCallSeconds;
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
