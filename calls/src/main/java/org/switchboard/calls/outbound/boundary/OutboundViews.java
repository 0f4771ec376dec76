package org.switchboard.calls.outbound.boundary;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.switchboard.calls.outbound.control.NextCalls;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;

/** The JSON shapes of the outbound API. */
public final class OutboundViews {

    private OutboundViews() {
    }

    /** A list entry as the list shows it. */
    public record EntryView(long id, long campaignId, long contactId, String number, String timeZone, int attempts,
            String lastOutcome, Instant lastCallAt, Long lastCallId, Instant nextTryAt, boolean done, String lockedBy,
            Instant lockedUntil, String source, Instant addedAt, String lastOutcomeBy) {

        public static EntryView of(ListEntry e) {
            return new EntryView(e.getId(), e.getCampaignId(), e.getContactId(), e.getNumber(), e.zone().getId(),
                    e.getAttempts(), e.getLastOutcome(), e.getLastCallAt(), e.getLastCallId(), e.getNextTryAt(), e.isDone(),
                    e.getLockedBy(), e.getLockedUntil(), e.getSource(), e.getAddedAt(), e.getLastOutcomeBy());
        }
    }

    /** A callback, with its due time also in the contact's local time. */
    public record CallbackView(long id, long campaignId, long entryId, long contactId, String number, Instant dueAt,
            OffsetDateTime dueLocal, Instant escalateAt, String owner, boolean pool, boolean overdue, String note,
            String state, String cancelReason, String createdBy, Instant createdAt, String closedBy, Instant closedAt,
            long version) {

        public static CallbackView of(Callback c, java.time.ZoneId contactZone, Instant now) {
            boolean overdue = c.isOverdue(now);
            return new CallbackView(c.getId(), c.getCampaignId(), c.getEntryId(), c.getContactId(), c.getNumber(),
                    c.getDueAt(), c.getDueAt().atZone(contactZone).toOffsetDateTime(), c.getEscalateAt(), c.getOwner(),
                    c.getOwner() == null || overdue, overdue, c.getNote(), c.getState().name(), c.getCancelReason(),
                    c.getCreatedBy(), c.getCreatedAt(), c.getClosedBy(), c.getClosedAt(), c.getVersion());
        }
    }

    /** What the queue hands an operator: the entry, the contact, their local time, the script. */
    public record OfferView(long id, long campaignId, long contactId, String contactName, String number, String timeZone,
            OffsetDateTime localTime, String script, String kind, int attempts, String lastOutcome, Instant lockedUntil,
            CallbackView callback) {

        public static OfferView of(NextCalls.Offer o) {
            ListEntry e = o.entry();
            return new OfferView(e.getId(), e.getCampaignId(), e.getContactId(), o.contact().getFullName(), e.getNumber(),
                    e.zone().getId(), o.now().atZone(e.zone()).toOffsetDateTime(), o.rules().getScript(), o.kind().name(),
                    e.getAttempts(), e.getLastOutcome(), e.getLockedUntil(),
                    o.callback() == null ? null : CallbackView.of(o.callback(), e.zone(), o.now()));
        }
    }

    /** A campaign's outbound rules as read and written; on PUT every field but the script is required. */
    public record RulesBody(String script, Integer maxAttempts, Integer retryNoAnswerMinutes, Integer retryBusyMinutes,
            LocalTime windowStart, LocalTime windowEnd, Boolean needsConsent, Integer lockMinutes,
            Integer callbackGraceMinutes, Long version) {

        public static RulesBody of(OutboundRules r) {
            return new RulesBody(r.getScript(), r.getMaxAttempts(), r.getRetryNoAnswerMinutes(), r.getRetryBusyMinutes(),
                    r.getWindowStart(), r.getWindowEnd(), r.isNeedsConsent(), r.getLockMinutes(),
                    r.getCallbackGraceMinutes(), r.getVersion());
        }
    }
}
