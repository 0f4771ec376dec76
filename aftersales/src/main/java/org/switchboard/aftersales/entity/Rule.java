package org.switchboard.aftersales.entity;

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
import java.time.LocalDate;

/**
 * An after-sales rule: which occasion (a birthday N days ahead, a holiday, an event, N days after a won lead) turns
 * which contacts into calls on which after-sales campaign, with a script and perhaps an offer.
 */
@Entity
@Table(name = "aftersales_rule")
public class Rule {

    public enum Type {
        BIRTHDAY, HOLIDAY, EVENT, FOLLOW_UP
    }

    public enum OfferKind {
        DISCOUNT, GIFT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aftersales_rule_seq")
    @SequenceGenerator(name = "aftersales_rule_seq", sequenceName = "aftersales_rule_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Type type;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "campaign_code", nullable = false, length = 40)
    private String campaign;

    @Column(name = "days_before", nullable = false)
    private int daysBefore;

    @Column(name = "days_after", nullable = false)
    private int daysAfter;

    @Column(name = "holiday_date")
    private LocalDate holidayDate;

    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "audience_tag", length = 100)
    private String audienceTag;

    @Column(name = "audience_city", length = 200)
    private String audienceCity;

    @Enumerated(EnumType.STRING)
    @Column(name = "offer_kind", length = 10)
    private OfferKind offerKind;

    @Column(name = "offer_value", length = 200)
    private String offerValue;

    @Column(name = "offer_valid_days")
    private Integer offerValidDays;

    @Column(length = 20000)
    private String script;

    @Column(nullable = false)
    private boolean advertising;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected Rule() {
    }

    public Rule(Type type) {
        this.type = type;
    }

    /** Everything a marketer sets; the caller has checked the fields against the type. */
    public void describe(String name, String campaign, int daysBefore, int daysAfter, LocalDate holidayDate, Long eventId,
            String audienceTag, String audienceCity, OfferKind offerKind, String offerValue, Integer offerValidDays,
            String script, boolean advertising, boolean active) {
        this.name = name.trim();
        this.campaign = campaign;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
        this.holidayDate = holidayDate;
        this.eventId = eventId;
        this.audienceTag = audienceTag;
        this.audienceCity = audienceCity;
        this.offerKind = offerKind;
        this.offerValue = offerValue;
        this.offerValidDays = offerValidDays;
        this.script = script;
        this.advertising = advertising;
        this.active = active;
    }

    public boolean hasOffer() {
        return offerKind != null;
    }

    public Long getId() {
        return id;
    }

    public Type getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getCampaign() {
        return campaign;
    }

    public int getDaysBefore() {
        return daysBefore;
    }

    public int getDaysAfter() {
        return daysAfter;
    }

    public LocalDate getHolidayDate() {
        return holidayDate;
    }

    public Long getEventId() {
        return eventId;
    }

    public String getAudienceTag() {
        return audienceTag;
    }

    public String getAudienceCity() {
        return audienceCity;
    }

    public OfferKind getOfferKind() {
        return offerKind;
    }

    public String getOfferValue() {
        return offerValue;
    }

    public Integer getOfferValidDays() {
        return offerValidDays;
    }

    public String getScript() {
        return script;
    }

    public boolean isAdvertising() {
        return advertising;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }
}
