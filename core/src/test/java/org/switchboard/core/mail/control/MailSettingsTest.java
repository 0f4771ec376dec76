package org.switchboard.core.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the sender's settings come from, and what it does without them. */
class MailSettingsTest {

    private static MailSettings settings(Map<String, String> properties, Map<String, String> environment) {
        return MailSettings.of(properties::get, environment::get);
    }

    @Test
    void withNothingSetMailGoesFromLocalhostEveryThirtySecondsWithoutLogin() {
        MailSettings settings = settings(Map.of(), Map.of());
        assertThat(settings.from()).isEqualTo("switchboard@localhost");
        assertThat(settings.pollSeconds()).isEqualTo(30);
        assertThat(settings.username()).isNull();
        assertThat(settings.password()).isNull();
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        MailSettings settings = settings(
                Map.of("switchboard.mail.from", "crm@example.com", "switchboard.mail.poll.seconds", "1"),
                Map.of("SWITCHBOARD_MAIL_FROM", "env@example.com", "SWITCHBOARD_MAIL_POLL_SECONDS", "60",
                        "SMTP_USERNAME", "mailer", "SMTP_PASSWORD", "secret"));
        assertThat(settings.from()).isEqualTo("crm@example.com");
        assertThat(settings.pollSeconds()).isEqualTo(1);
        assertThat(settings.username()).isEqualTo("mailer");
        assertThat(settings.password()).isEqualTo("secret");
        assertThat(settings.toString()).doesNotContain("secret").contains("password=***");
    }

    @Test
    void aBadIntervalFallsBackToTheDefault() {
        assertThat(settings(Map.of("switchboard.mail.poll.seconds", "0"), Map.of()).pollSeconds()).isEqualTo(30);
        assertThat(settings(Map.of(), Map.of("SWITCHBOARD_MAIL_POLL_SECONDS", "soon")).pollSeconds()).isEqualTo(30);
    }

    @Test
    void aLoginWithoutPasswordHasAnEmptyOne() {
        assertThat(settings(Map.of("switchboard.smtp.username", "mailer"), Map.of()).password()).isEmpty();
    }
}
