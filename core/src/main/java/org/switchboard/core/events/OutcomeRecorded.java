package org.switchboard.core.events;

import java.time.Instant;

/**
 * An operator recorded the outcome of an outbound call on a call-list entry (inside that transaction): after-sales
 * learns how its task went, reporting may count it.
 *
 * @param entryDone whether the entry is finished with this outcome (no retry, no callback)
 */
public record OutcomeRecorded(long entryId, long campaignId, String campaign, long contactId, String outcome,
        String operator, long callId, Instant at, boolean entryDone) {
}
