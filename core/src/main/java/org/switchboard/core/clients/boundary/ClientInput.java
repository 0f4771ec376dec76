package org.switchboard.core.clients.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A client company as an ADMIN writes it; {@code version} is required on update. */
public record ClientInput(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters long")
        String name,
        @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters long")
        String contactEmail,
        @Size(max = 2000, message = "must be at most 2000 characters long")
        String notes,
        Boolean active,
        Long version) {
}
