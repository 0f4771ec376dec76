package org.switchboard.leads.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;
import org.switchboard.leads.entity.LeadStatusChange;

/**
 * A lead as the API shows it; {@code history} only on a single lead, {@code contactName} and {@code contactNumber}
 * (the contact's first phone) only in lists, so a list needs no request per contact.
 */
public record LeadView(Long id, Long contactId, String contactName, String contactNumber, String campaign, Long clientId,
        String operator, LeadStatus status, String lostReason, BigDecimal estimatedValue, Long callId,
        String callUniqueid, String notes, Instant createdAt, long version, List<Step> history) {

    public record Step(LeadStatus from, LeadStatus to, String reason, String by, Instant at) {
        static Step of(LeadStatusChange c) {
            return new Step(c.getFrom(), c.getTo(), c.getReason(), c.getBy(), c.getAt());
        }
    }

    public static LeadView of(Lead l) {
        return of(l, null);
    }

    public static LeadView of(Lead l, List<LeadStatusChange> history) {
        return new LeadView(l.getId(), l.getContactId(), null, null, l.getCampaign(), l.getClientId(), l.getOperator(), l.getStatus(),
                l.getLostReason(), l.getEstimatedValue(), l.getCallId(), l.getCallUniqueid(), l.getNotes(),
                l.getCreatedAt(), l.getVersion(), history == null ? null : history.stream().map(Step::of).toList());
    }

    /** The lead in a list, with its contact's name and first number. */
    public static LeadView listed(Lead l, String contactName, String contactNumber) {
        return new LeadView(l.getId(), l.getContactId(), contactName, contactNumber, l.getCampaign(), l.getClientId(),
                l.getOperator(), l.getStatus(), l.getLostReason(), l.getEstimatedValue(), l.getCallId(),
                l.getCallUniqueid(), l.getNotes(), l.getCreatedAt(), l.getVersion(), null);
    }
}
