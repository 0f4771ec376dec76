package org.switchboard.leads.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.switchboard.leads.control.SearchKeys;

/**
 * A person in the contact base. Phones are E.164, e-mails lower-case; the time zone comes from the main
 * number unless someone set it. A merged contact points at the one it was folded into; an erased one keeps
 * only what statistics need.
 */
@Entity
@Table(name = "leads_contact")
@Audited
public class Contact {

    /** What a person may write about a contact, already checked and normalised. */
    public record Details(String fullName, Map<String, String> phones, Set<String> emails, Long companyId,
            String position, LocalDate birthday, String city, String notes, Set<String> tags, String sourceCampaign,
            Long sourceClientId, Consent consent, boolean doNotCall, String owner, ZoneId timeZoneOverride) {
    }

    /** Consent to advertising calls (38-FZ art. 18) and how it can be proved. */
    public record Consent(boolean given, String source, LocalDate date) {
        public static final Consent NONE = new Consent(false, null, null);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leads_contact_seq")
    @SequenceGenerator(name = "leads_contact_seq", sequenceName = "leads_contact_seq", allocationSize = 100)
    private Long id;

    @Column(name = "full_name", nullable = false, length = 300)
    private String fullName;

    @Column(name = "search_name", nullable = false, length = 300)
    private String searchName;

    @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ContactPhone> phones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "leads_contact_email", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "email", nullable = false, length = 254)
    private Set<String> emails = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "leads_contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", nullable = false, length = 100)
    private Set<String> tags = new LinkedHashSet<>();

    @Column(name = "company_id")
    private Long companyId;

    @Column(length = 200)
    private String position;

    private LocalDate birthday;

    @Column(length = 200)
    private String city;

    @Column(length = 4000)
    private String notes;

    @Column(name = "source_campaign", length = 40)
    private String sourceCampaign;

    @Column(name = "source_client_id")
    private Long sourceClientId;

    @Column(name = "consent_given", nullable = false)
    private boolean consentGiven;

    @Column(name = "consent_source", length = 300)
    private String consentSource;

    @Column(name = "consent_date")
    private LocalDate consentDate;

    @Column(name = "do_not_call", nullable = false)
    private boolean doNotCall;

    @Column(length = 64)
    private String owner;

    @Column(name = "derived_time_zone", length = 64)
    private String derivedTimeZone;

    @Column(name = "time_zone_override", length = 64)
    private String timeZoneOverride;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(Instant now) {
        this.createdAt = now;
    }

    /** Replaces what people wrote; {@code derivedZone} is the zone of the (new) main number, if it has one. */
    public void describe(Details d, ZoneId derivedZone) {
        this.fullName = d.fullName();
        this.searchName = SearchKeys.name(d.fullName());
        replacePhones(d.phones());
        this.emails.clear();
        this.emails.addAll(d.emails());
        this.tags.clear();
        this.tags.addAll(d.tags());
        this.companyId = d.companyId();
        this.position = d.position();
        this.birthday = d.birthday();
        this.city = d.city();
        this.notes = d.notes();
        this.sourceCampaign = d.sourceCampaign();
        this.sourceClientId = d.sourceClientId();
        this.consentGiven = d.consent().given();
        this.consentSource = d.consent().source();
        this.consentDate = d.consent().date();
        this.doNotCall = d.doNotCall();
        this.owner = d.owner();
        this.timeZoneOverride = d.timeZoneOverride() == null ? null : d.timeZoneOverride().getId();
        this.derivedTimeZone = derivedZone == null ? null : derivedZone.getId();
    }

    /** Phones keep their row (and history) when the same number stays; order follows the given map. */
    private void replacePhones(Map<String, String> numbersToKinds) {
        Map<String, ContactPhone> existing = new LinkedHashMap<>();
        phones.forEach(p -> existing.put(p.getNumber(), p));
        phones.removeIf(p -> !numbersToKinds.containsKey(p.getNumber()));
        int position = 0;
        for (Map.Entry<String, String> entry : numbersToKinds.entrySet()) {
            ContactPhone phone = existing.get(entry.getKey());
            if (phone == null) {
                phones.add(new ContactPhone(this, entry.getKey(), entry.getValue(), position));
            } else {
                phone.place(entry.getValue(), position);
            }
            position++;
        }
        phones.sort(java.util.Comparator.comparingInt(ContactPhone::getPosition));
    }

    /** The contact as it stands, to be changed and given back to {@link #describe}. */
    public Details details() {
        Map<String, String> numbers = new LinkedHashMap<>();
        phones.forEach(p -> numbers.put(p.getNumber(), p.getKind()));
        return new Details(fullName, numbers, new LinkedHashSet<>(emails), companyId, position, birthday, city, notes,
                new LinkedHashSet<>(tags), sourceCampaign, sourceClientId,
                new Consent(consentGiven, consentSource, consentDate), doNotCall, owner,
                timeZoneOverride == null ? null : ZoneId.of(timeZoneOverride));
    }

    public void delete(Instant now) {
        this.deletedAt = now;
    }

    public void mergeInto(long survivorId, Instant now) {
        this.mergedIntoId = survivorId;
        this.deletedAt = now;
    }

    /** Removes the person from the record; the row stays so calls and leads still count. */
    public void erase(Instant now) {
        this.fullName = "Erased contact #" + id;
        this.searchName = "";
        this.phones.clear();
        this.emails.clear();
        this.tags.clear();
        this.position = null;
        this.birthday = null;
        this.city = null;
        this.notes = null;
        this.consentGiven = false;
        this.consentSource = null;
        this.consentDate = null;
        this.owner = null;
        this.timeZoneOverride = null;
        this.companyId = null;
        this.erasedAt = now;
    }

    public boolean isActive() {
        return deletedAt == null && erasedAt == null;
    }

    public String mainNumber() {
        return phones.isEmpty() ? null : phones.get(0).getNumber();
    }

    public ZoneId timeZone() {
        String zone = timeZoneOverride != null ? timeZoneOverride : derivedTimeZone;
        return zone == null ? null : ZoneId.of(zone);
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public List<ContactPhone> getPhones() {
        return List.copyOf(phones);
    }

    public Set<String> getEmails() {
        return Set.copyOf(emails);
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    public Long getCompanyId() {
        return companyId;
    }

    public String getPosition() {
        return position;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public String getCity() {
        return city;
    }

    public String getNotes() {
        return notes;
    }

    public String getSourceCampaign() {
        return sourceCampaign;
    }

    public Long getSourceClientId() {
        return sourceClientId;
    }

    public boolean isConsentGiven() {
        return consentGiven;
    }

    public String getConsentSource() {
        return consentSource;
    }

    public LocalDate getConsentDate() {
        return consentDate;
    }

    public boolean isDoNotCall() {
        return doNotCall;
    }

    public String getOwner() {
        return owner;
    }

    public boolean isTimeZoneOverridden() {
        return timeZoneOverride != null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public long getVersion() {
        return version;
    }
}
