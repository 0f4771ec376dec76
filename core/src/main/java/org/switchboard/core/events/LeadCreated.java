package org.switchboard.core.events;

import java.time.Instant;

/**
 * A lead was created (by hand, from a call, or by an import). Fired inside the creating transaction.
 *
 * @param createdAt    when the lead counts: the time of its call when it came from one
 * @param callId       the call it came from, if known
 * @param callUniqueid the Asterisk uniqueid of its call until that call is imported
 */
public record LeadCreated(long leadId, long contactId, String operator, String campaign, Long clientId,
        Instant createdAt, Long callId, String callUniqueid) {
}
