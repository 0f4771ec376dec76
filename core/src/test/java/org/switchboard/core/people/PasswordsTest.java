package org.switchboard.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.core.people.control.Passwords;

class PasswordsTest {

    @Test
    void aHashVerifiesOnlyItsPasswordAndIsSalted() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("$2a$10$").doesNotContain("correct horse");
        assertThat(Passwords.matches("correct horse", hash)).isTrue();
        assertThat(Passwords.matches("Correct horse", hash)).isFalse();
        assertThat(Passwords.hash("correct horse")).isNotEqualTo(hash);
        assertThat(Passwords.matches(null, hash)).isFalse();
        assertThat(Passwords.matches("x", null)).isFalse();
    }

    @Test
    void longPasswordsWork() {
        String longPassword = "п".repeat(100);
        assertThat(Passwords.matches(longPassword, Passwords.hash(longPassword))).isTrue();
    }

    @Test
    void thePolicyRefusesShortCommonAndUsernamePasswords() {
        assertThat(Passwords.weakness("ivan", "it-admin-secret")).isEmpty();
        assertThat(Passwords.weakness("ivan", "ivan-pw-x")).isEmpty();
        assertThat(Passwords.weakness("ivan", "short")).contains("must be at least 8 characters long");
        assertThat(Passwords.weakness("ivan", null)).isPresent();
        assertThat(Passwords.weakness("administrator", "Administrator")).contains("must not be the username");
        assertThat(Passwords.weakness("admin", "Password1")).get().asString().contains("too easy");
        assertThat(Passwords.weakness("admin", "aaaaaaaaaaaa")).get().asString().contains("too easy");
        assertThat(Passwords.weakness("admin", "x".repeat(201))).contains("must be at most 200 characters long");
    }
}
