package org.switchboard.leads.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.core.integrity.LeadBacking;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;
import org.switchboard.leads.entity.LeadStatusChange;

/**
 * A lead as the API shows it; {@code history} only on a single lead, {@code contactName} and {@code contactNumber}
 * (the contact's first phone) only in lists, so a list needs no request per contact. {@code backed} says whether PBX
 * evidence backs it (null while not known, e.g. without the reporting module), {@code unbackedReason} why not;
 * {@code entry} is LIVE (its time is the server's), IMPORTED (a historical time a person brought) or LEGACY (entered
 * before the integrity rules), {@code imported} true for IMPORTED; {@code enteredAt}/{@code enteredBy} who entered it and
 * when, by the server's clock.
 */
public record LeadView(Long id, Long contactId, String contactName, String contactNumber, String campaign, Long clientId,
        String operator, LeadStatus status, String lostReason, BigDecimal estimatedValue, Long callId,
        String callUniqueid, String notes, Instant createdAt, long version, List<Step> history, Boolean backed,
        String unbackedReason, LocalDate countsOn, String entry, boolean imported, Instant enteredAt, String enteredBy) {

    public record Step(LeadStatus from, LeadStatus to, String reason, String by, Instant at) {
        static Step of(LeadStatusChange c) {
            return new Step(c.getFrom(), c.getTo(), c.getReason(), c.getBy(), c.getAt());
        }
    }

    public static LeadView of(Lead l) {
        return of(l, null, null);
    }

    public static LeadView of(Lead l, List<LeadStatusChange> history, LeadBacking.Backing backing) {
        return new LeadView(l.getId(), l.getContactId(), null, null, l.getCampaign(), l.getClientId(), l.getOperator(), l.getStatus(),
                l.getLostReason(), l.getEstimatedValue(), l.getCallId(), l.getCallUniqueid(), l.getNotes(),
                l.getCreatedAt(), l.getVersion(), history == null ? null : history.stream().map(Step::of).toList(),
                backing == null ? null : backing.backed(), backing == null ? null : backing.reason(),
                backing == null ? null : backing.day(), l.getEntry().name(), l.getEntry() == Lead.Entry.IMPORTED,
                l.getEnteredAt(), l.getEnteredBy());
    }

    /** The lead in a list, with its contact's name and first number. */
    public static LeadView listed(Lead l, String contactName, String contactNumber, LeadBacking.Backing backing) {
        return new LeadView(l.getId(), l.getContactId(), contactName, contactNumber, l.getCampaign(), l.getClientId(),
                l.getOperator(), l.getStatus(), l.getLostReason(), l.getEstimatedValue(), l.getCallId(),
                l.getCallUniqueid(), l.getNotes(), l.getCreatedAt(), l.getVersion(), null,
                backing == null ? null : backing.backed(), backing == null ? null : backing.reason(),
                backing == null ? null : backing.day(), l.getEntry().name(), l.getEntry() == Lead.Entry.IMPORTED,
                l.getEnteredAt(), l.getEnteredBy());
    }
}
