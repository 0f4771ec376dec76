package org.switchboard.core.people.boundary;

import java.time.Instant;
import java.util.List;
import org.switchboard.core.people.entity.User;

/** A user as the API shows it: never the password or its hash. */
public record UserView(Long id, String username, String fullName, List<String> roles, String extension,
        String team, Long clientId, boolean enabled, boolean deleted, boolean mustChangePassword, Instant createdAt, long version) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getFullName(),
                user.getRoles().stream().map(Enum::name).sorted().toList(), user.getExtension(), user.getTeam(),
                user.getClientId(), user.isEnabled(), user.getDeletedAt() != null, user.mustChangePassword(), user.getCreatedAt(),
                user.getVersion());
    }
}
