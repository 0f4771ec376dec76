package org.switchboard.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.core.bootstrap.FirstStart.Plan;

class FirstStartTest {

    @Test
    void withoutPasswordOrDemoTheAdminPasswordIsGenerated() {
        assertThat(FirstStart.plan(null, false, false)).isEqualTo(Plan.GENERATED_ADMIN);
        assertThat(FirstStart.plan(null, false, true)).isEqualTo(Plan.GENERATED_ADMIN);
    }

    @Test
    void aConfiguredPasswordMustPassThePolicy() {
        assertThat(FirstStart.plan("it-admin-secret", false, true)).isEqualTo(Plan.CONFIGURED_ADMIN);
        assertThatThrownBy(() -> FirstStart.plan("admin", false, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SWITCHBOARD_ADMIN_PASSWORD is too weak").hasMessageContaining("8 characters");
        assertThatThrownBy(() -> FirstStart.plan("password", true, false)).hasMessageContaining("too easy");
    }

    @Test
    void aDemoIsMadeOnlyWhenAskedAndNeverOnPostgresql() {
        assertThat(FirstStart.plan(null, true, false)).isEqualTo(Plan.DEMO);
        assertThat(FirstStart.plan("it-admin-secret", true, false)).isEqualTo(Plan.DEMO);
        assertThat(FirstStart.plan(null, true, true)).isEqualTo(Plan.GENERATED_ADMIN);
        assertThat(FirstStart.plan("it-admin-secret", true, true)).isEqualTo(Plan.CONFIGURED_ADMIN);
    }

    @Test
    void generatedPasswordsAreLongRandomAndPassThePolicy() {
        String one = FirstStart.generatedPassword();
        assertThat(one).hasSize(20).matches("[a-zA-Z2-9]{20}").isNotEqualTo(FirstStart.generatedPassword());
        assertThat(org.switchboard.core.people.control.Passwords.weakness("admin", one)).isEmpty();
    }
}
