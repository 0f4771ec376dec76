package org.switchboard.leads.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.leads.entity.Contact;

/** A contact as the API shows it; phones in E.164, the main number first. */
public record ContactView(Long id, String fullName, List<Phone> phones, List<String> emails, Long companyId,
        String position, LocalDate birthday, String city, String notes, List<String> tags, String sourceCampaign,
        Consent consent, boolean doNotCall, String owner, String timeZone, boolean timeZoneOverridden,
        Instant createdAt, Long mergedIntoId, boolean erased, long version) {

    public record Phone(String number, String kind) {
    }

    public record Consent(boolean given, String source, LocalDate date) {
    }

    public static ContactView of(Contact c) {
        return new ContactView(c.getId(), c.getFullName(),
                c.getPhones().stream().map(p -> new Phone(p.getNumber(), p.getKind())).toList(),
                c.getEmails().stream().sorted().toList(), c.getCompanyId(), c.getPosition(), c.getBirthday(),
                c.getCity(), c.getNotes(), c.getTags().stream().sorted().toList(), c.getSourceCampaign(),
                new Consent(c.isConsentGiven(), c.getConsentSource(), c.getConsentDate()), c.isDoNotCall(),
                c.getOwner(), c.timeZone() == null ? null : c.timeZone().getId(), c.isTimeZoneOverridden(),
                c.getCreatedAt(), c.getMergedIntoId(), c.getErasedAt() != null, c.getVersion());
    }
}
