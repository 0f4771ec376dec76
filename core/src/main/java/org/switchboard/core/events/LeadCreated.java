package org.switchboard.core.events;

import java.time.Instant;
import java.util.List;

/**
 * A lead was created (by hand, from a call, or by an import). Fired inside the creating transaction.
 *
 * @param createdAt    the lead's time: when it was entered, or the historical time an import brought
 * @param callId       the call it came from, if known
 * @param callUniqueid the Asterisk uniqueid of its call until that call is imported
 * @param enteredAt    when it was entered, by the server's clock
 * @param entry        {@code LIVE}, {@code IMPORTED} or {@code LEGACY}
 * @param numbers      the contact's numbers (E.164) as the lead was entered: only a call with one of them backs it
 */
public record LeadCreated(long leadId, long contactId, String operator, String campaign, Long clientId,
        Instant createdAt, Long callId, String callUniqueid, Instant enteredAt, String entry, List<String> numbers) {

    public LeadCreated {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
