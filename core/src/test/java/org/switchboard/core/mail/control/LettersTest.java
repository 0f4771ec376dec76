package org.switchboard.core.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.switchboard.core.mail.Mail;

/** The MIME a claimed message becomes, read back as a recipient's mail client would. */
class LettersTest {

    private final Session session = Session.getInstance(new Properties());
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final InternetAddress from = address("Switchboard <crm@example.com>");

    private static InternetAddress address(String text) {
        try {
            return Recipients.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage sentAndReceived(Delivery delivery) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Letters.compose(session, delivery, from, now).writeTo(wire);
        return new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    }

    private static Delivery delivery(String html, List<Mail.Attachment> files) {
        String to = Recipients.join(List.of(address("Иван Петров <ivan@example.com>"), address("olga@example.com")));
        return new Delivery(51, 2, 1, to, "Сводка за 28.11", "Звонков: 42", html, files);
    }

    @Test
    void aTextMessageIsOnePlainPartWithItsHeaders() throws Exception {
        MimeMessage received = sentAndReceived(delivery(null, List.of()));
        assertThat(received.getSubject()).isEqualTo("Сводка за 28.11");
        assertThat(received.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("crm@example.com");
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).toUnicodeString())
                .containsExactly("\"Иван Петров\" <ivan@example.com>", "olga@example.com");
        assertThat(received.isMimeType("text/plain")).isTrue();
        assertThat(received.getContent()).isEqualTo("Звонков: 42");
        assertThat(received.getMessageID()).isEqualTo("<switchboard.mail.51@example.com>");
        assertThat(received.getHeader(Letters.ID_HEADER, null)).isEqualTo("51");
        assertThat(received.getSentDate().toInstant()).isEqualTo(now);
    }

    @Test
    void htmlComesAsAnAlternativeToTheText() throws Exception {
        MimeMessage received = sentAndReceived(delivery("<p>Звонков: <b>42</b></p>", List.of()));
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Звонков: 42");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Звонков: <b>42</b></p>");
    }

    @Test
    void attachmentsFollowTheBodyWithTheirNamesTypesAndBytes() throws Exception {
        byte[] csv = "оператор;звонки\nivan;42\n".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {0, 1, 2, (byte) 0xff};
        MimeMessage received = sentAndReceived(delivery("<p>42</p>", List.of(
                new Mail.Attachment("отчёт.csv", "text/csv; charset=UTF-8", csv),
                new Mail.Attachment("raw.bin", "application/octet-stream", binary))));
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        Part report = parts.getBodyPart(1);
        assertThat(report.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(report.getFileName()).isEqualTo("отчёт.csv");
        assertThat(report.isMimeType("text/csv")).isTrue();
        assertThat(report.getInputStream().readAllBytes()).isEqualTo(csv);
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("raw.bin");
        assertThat(parts.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(binary);
    }

    @Test
    void theSessionGainsTimeoutsButKeepsTheServersSettings() {
        Properties server = new Properties();
        server.setProperty("mail.smtp.host", "smtp.example.com");
        server.setProperty("mail.smtp.timeout", "5000");
        Session derived = Letters.withTimeouts(Session.getInstance(server));
        assertThat(derived.getProperty("mail.smtp.host")).isEqualTo("smtp.example.com");
        assertThat(derived.getProperty("mail.smtp.timeout")).as("a timeout the server set stays").isEqualTo("5000");
        assertThat(derived.getProperty("mail.smtp.connectiontimeout")).isEqualTo("30000");
        assertThat(derived.getProperty("mail.smtps.timeout")).isEqualTo("60000");
    }

    @Test
    void aLoginConfiguredOnTheServersSessionStillAnswersThroughTheDerivedOne() throws Exception {
        Session server = Session.getInstance(new Properties(), new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("mailer", "secret");
            }
        });
        PasswordAuthentication login = Letters.withTimeouts(server).requestPasswordAuthentication(
                InetAddress.getLoopbackAddress(), 25, "smtp", null, null);
        assertThat(login.getUserName()).isEqualTo("mailer");
        assertThat(login.getPassword()).isEqualTo("secret");
    }
}
