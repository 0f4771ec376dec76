package org.switchboard.core.events;

import java.time.Instant;
import java.util.List;

/**
 * A lead was re-attributed or edited: its owner, campaign, time or call may have changed. Carries the lead as it
 * is stored now, inside the changing transaction; reporting re-counts the days it left and the day it is on.
 */
public record LeadChanged(long leadId, String operator, String campaign, Long clientId, Instant createdAt, Long callId,
        String callUniqueid, Instant enteredAt, String entry, List<String> numbers) {

    public LeadChanged {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
