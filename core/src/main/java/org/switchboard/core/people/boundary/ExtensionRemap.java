package org.switchboard.core.people.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An extension given to a user from a call-centre day ({@code effectiveFrom}, default today; never in the future).
 * {@code reason} is required when that day is already past and calls counted for the previous holder move.
 */
public record ExtensionRemap(
        @NotBlank(message = "is required: the user who takes the extension")
        String username,
        @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be a date YYYY-MM-DD")
        String effectiveFrom,
        @Size(max = 500, message = "must be at most 500 characters long")
        String reason) {
}
