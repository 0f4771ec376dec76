package org.switchboard.core.mail.control;

import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.switchboard.core.mail.Mail;

/** Turns a claimed message into MIME, and gives the server's mail session the timeouts it lacks. */
public final class Letters {

    /** Names the outbox message in every e-mail sent, for tracing a complaint back to the outbox. */
    public static final String ID_HEADER = "X-Switchboard-Mail";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private Letters() {
    }

    /**
     * The message as MIME: text alone; text and HTML as alternatives; with attachments, a mixed multipart whose
     * first part is the body. The Message-ID depends only on the outbox id, so a message sent twice (a lost
     * claim, a crash after the SMTP server took it) is recognisably the same message to its recipients.
     */
    public static MimeMessage compose(Session session, Delivery delivery, InternetAddress from, Instant now)
            throws MessagingException {
        String messageId = "<switchboard.mail." + delivery.id() + "@" + domain(from) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, Recipients.addresses(delivery.recipients()));
        message.setSubject(delivery.subject(), UTF_8);
        message.setSentDate(Date.from(now));
        message.setHeader(ID_HEADER, String.valueOf(delivery.id()));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(delivery.text(), UTF_8);
        MimeMultipart alternatives = null;
        if (delivery.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(delivery.html(), UTF_8, "html");
            alternatives = new MimeMultipart("alternative", text, html);
        }
        if (delivery.attachments().isEmpty()) {
            if (alternatives == null) {
                message.setText(delivery.text(), UTF_8);
            } else {
                message.setContent(alternatives);
            }
        } else {
            MimeBodyPart body = text;
            if (alternatives != null) {
                body = new MimeBodyPart();
                body.setContent(alternatives);
            }
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (Mail.Attachment file : delivery.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.fileName());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /**
     * A session like the server's, with connect and read timeouts: Jakarta Mail waits forever by default, and
     * a hung SMTP server would stall every delivery and outlast the claim. Logins still come from the server's
     * session, if it has any.
     */
    public static Session withTimeouts(Session server) {
        Properties properties = new Properties();
        properties.putAll(server.getProperties());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
            properties.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        }
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return server.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    private static String domain(InternetAddress address) {
        String text = address.getAddress();
        int at = text.lastIndexOf('@');
        return at < 0 ? "localhost" : text.substring(at + 1);
    }
}
