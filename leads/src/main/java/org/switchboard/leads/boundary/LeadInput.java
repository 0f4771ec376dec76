package org.switchboard.leads.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A lead as written. On create {@code contactId} and {@code campaign} (code) are required; {@code operator}
 * (username) defaults to the calling operator; {@code callId} or {@code callUniqueid} tie it to its call;
 * {@code createdAt} is the time of that call when known (default: now). On update {@code version} is required;
 * contact and campaign cannot change.
 */
public record LeadInput(
        Long contactId,
        String campaign,
        String operator,
        Long callId,
        @Size(max = 64, message = "must be at most 64 characters long") String callUniqueid,
        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits before the point and 2 after it")
        BigDecimal estimatedValue,
        @Size(max = 4000, message = "must be at most 4000 characters long") String notes,
        OffsetDateTime createdAt,
        Long version) {
}
