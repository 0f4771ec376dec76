package org.switchboard.core.people.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.switchboard.core.people.entity.Role;

/**
 * A user as an ADMIN writes it. On create {@code username} and {@code password} are required; on update
 * {@code version} is, {@code password} changes the password only when given, and {@code username} may
 * be sent but not changed. {@code effectiveFrom} (a call-centre day, not in the future) is the day a change of
 * extension applies from; {@code reason} is required when that day is already past and calls counted for someone move.
 * {@code mustChangePassword: true} with a password makes it a temporary one: the user must replace it at the next
 * sign-in before doing anything else.
 */
public record UserInput(
        @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "must be 2-64 letters, digits, '.', '_' or '-'")
        String username,
        @Size(min = 8, max = 200, message = "must be 8-200 characters long")
        String password,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters long")
        String fullName,
        @NotEmpty(message = "must name at least one of ADMIN, SUPERVISOR, OPERATOR, MARKETER, CLIENT")
        Set<Role> roles,
        @Pattern(regexp = "[0-9]{2,10}", message = "must be 2-10 digits, the operator's PBX endpoint")
        String extension,
        @Size(max = 100, message = "must be at most 100 characters long")
        String team,
        Long clientId,
        Boolean enabled,
        Long version,
        @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be a date YYYY-MM-DD")
        String effectiveFrom,
        @Size(max = 500, message = "must be at most 500 characters long")
        String reason,
        Boolean mustChangePassword) {

    /** The call-centre day a change of extension applies from; null: the default (see {@code ExtensionHistory}). */
    public java.time.LocalDate effectiveFromDay() {
        return org.switchboard.core.api.QueryParams.date("effectiveFrom", effectiveFrom);
    }
}
