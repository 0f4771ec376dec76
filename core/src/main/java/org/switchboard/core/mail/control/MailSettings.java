package org.switchboard.core.mail.control;

import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The sender's settings, each a system property or else an environment variable, read when the application
 * starts. Host, port, SSL and STARTTLS belong to the server's mail session (see the README); the SMTP login is
 * read here, because the mail session turns authentication on whenever a username is configured and cannot
 * take an empty one.
 *
 * @param from        the sender address ({@code switchboard.mail.from} / {@code SWITCHBOARD_MAIL_FROM})
 * @param pollSeconds how often due messages are looked for ({@code switchboard.mail.poll.seconds} /
 *                    {@code SWITCHBOARD_MAIL_POLL_SECONDS})
 * @param username    SMTP login, or null to send without ({@code switchboard.smtp.username} / {@code SMTP_USERNAME})
 * @param password    its password ({@code switchboard.smtp.password} / {@code SMTP_PASSWORD})
 */
public record MailSettings(String from, int pollSeconds, String username, String password) {

    public static final String DEFAULT_FROM = "switchboard@localhost";
    public static final int DEFAULT_POLL_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    public static MailSettings fromSystem() {
        return of(System::getProperty, System::getenv);
    }

    static MailSettings of(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String from = read(properties, environment, "switchboard.mail.from", "SWITCHBOARD_MAIL_FROM");
        String poll = read(properties, environment, "switchboard.mail.poll.seconds", "SWITCHBOARD_MAIL_POLL_SECONDS");
        String username = read(properties, environment, "switchboard.smtp.username", "SMTP_USERNAME");
        String password = read(properties, environment, "switchboard.smtp.password", "SMTP_PASSWORD");
        return new MailSettings(from == null ? DEFAULT_FROM : from, seconds(poll), username,
                username == null ? null : password == null ? "" : password);
    }

    private static String read(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
            String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int seconds(String value) {
        if (value == null) {
            return DEFAULT_POLL_SECONDS;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning("The mail poll interval '" + value + "' is not a whole number of seconds (1 or more); using "
                + DEFAULT_POLL_SECONDS);
        return DEFAULT_POLL_SECONDS;
    }

    @Override
    public String toString() {
        return "MailSettings[from=" + from + ", pollSeconds=" + pollSeconds + ", username=" + username
                + (password == null ? "" : ", password=***") + "]";
    }
}
