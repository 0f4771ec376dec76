package org.switchboard.calls.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An operator's live inbound call: the caller's number (any written form); the campaign by {@code campaign}
 * code or by the {@code dialledNumber}; the contact by {@code contactId}, else found by the number, else
 * registered on the spot as {@code contactName}; notes and outcome; and in the same request a lead, a
 * meeting request or an info e-mail request.
 */
public record InboundInput(
        @NotBlank(message = "is required: the caller's number") String number,
        String campaign,
        String dialledNumber,
        Long contactId,
        @Size(max = 300, message = "must be at most 300 characters long") String contactName,
        @Size(max = 4000, message = "must be at most 4000 characters long") String notes,
        @Size(max = 40, message = "must be at most 40 characters long") String outcome,
        @Valid LeadRequest lead,
        @Valid MeetingRequest meeting,
        @Valid InfoRequest info) {

    public record LeadRequest(BigDecimal estimatedValue,
            @Size(max = 4000, message = "must be at most 4000 characters long") String notes) {
    }

    public record MeetingRequest(OffsetDateTime at,
            @Size(max = 500, message = "must be at most 500 characters long") String note) {
    }

    public record InfoRequest(@NotBlank(message = "is required") @Email(message = "must be an e-mail address") String email) {
    }
}
