package org.switchboard.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;

class UserTest {

    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private User user(Role... roles) {
        return new User("ivan", "hash", "Ivan", EnumSet.of(roles[0], roles), now);
    }

    @Test
    void anOperatorNeedsAnExtension() {
        User user = user(Role.OPERATOR);
        assertThatThrownBy(() -> user.assign(EnumSet.of(Role.OPERATOR), " ", "North", null))
                .hasMessageContaining("extension");
        user.assign(EnumSet.of(Role.OPERATOR), " 101 ", " North ", null);
        assertThat(user.getExtension()).isEqualTo("101");
        assertThat(user.getTeam()).isEqualTo("North");
    }

    @Test
    void onlyAClientUserBelongsToAClient() {
        User user = user(Role.CLIENT);
        assertThatThrownBy(() -> user.assign(EnumSet.of(Role.CLIENT), null, null, null)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> user.assign(EnumSet.of(Role.SUPERVISOR), null, null, 5L)).hasMessageContaining("clientId");
        user.assign(EnumSet.of(Role.CLIENT), null, null, 5L);
        assertThat(user.getClientId()).isEqualTo(5L);
    }

    @Test
    void theClientRoleIsNeverCombinedWithAStaffRole() {
        User user = user(Role.CLIENT);
        assertThatThrownBy(() -> user.assign(EnumSet.of(Role.CLIENT, Role.OPERATOR), "101", null, 5L))
                .hasMessageContaining("CLIENT cannot be combined").hasMessageNotContaining("clientId");
        assertThatThrownBy(() -> user.assign(EnumSet.of(Role.CLIENT, Role.ADMIN), null, null, 5L))
                .hasMessageContaining("CLIENT cannot be combined");
        assertThat(user.combinesClientWithStaff()).isFalse();
        // a row from before the rule: loaded as it is, and recognised, so that login refuses it
        assertThat(user(Role.CLIENT, Role.SUPERVISOR).combinesClientWithStaff()).isTrue();
        assertThat(user(Role.SUPERVISOR, Role.OPERATOR).combinesClientWithStaff()).isFalse();
    }

    @Test
    void aUserNeedsARole() {
        assertThatThrownBy(() -> new User("x", "h", "X", EnumSet.noneOf(Role.class), now)).hasMessageContaining("role");
    }

    @Test
    void deletingLocksTheAccountAndFreesTheExtension() {
        User user = user(Role.OPERATOR);
        user.assign(EnumSet.of(Role.OPERATOR), "101", null, null);
        assertThat(user.canLogIn()).isTrue();
        user.delete(now);
        assertThat(user.canLogIn()).isFalse();
        assertThat(user.getExtension()).isNull();
        assertThat(user.getDeletedAt()).isEqualTo(now);
    }

    @Test
    void aDisabledUserCannotLogIn() {
        User user = user(Role.MARKETER);
        user.setEnabled(false);
        assertThat(user.canLogIn()).isFalse();
    }
}
