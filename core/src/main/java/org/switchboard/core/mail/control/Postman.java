package org.switchboard.core.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers what is due: claims each message, sends it over one SMTP connection per round, and records SENT or
 * the failure. Nothing here runs inside a transaction, so a slow SMTP server holds no database locks.
 */
@ApplicationScoped
public class Postman {

    /** The server's mail session, configured by the build (ear/src/main/wildfly/configure.cli). */
    public static final String MAIL_SESSION = "java:jboss/mail/switchboard";
    /** Messages one round looks at; the rest wait for the next round. */
    static final int ROUND = 100;
    private static final Logger LOG = Logger.getLogger(Postman.class.getName());

    @Resource(lookup = MAIL_SESSION)
    Session mailSession;

    @Inject
    MailQueue queue;

    private MailSettings settings;

    @PostConstruct
    void configure() {
        settings = MailSettings.fromSystem();
    }

    public MailSettings settings() {
        return settings;
    }

    /**
     * One round: every due message (up to {@value #ROUND}) claimed, sent, and its outcome recorded. When the SMTP
     * server cannot be reached, the message that found out records why and the round ends; the others keep their
     * attempts for the next round.
     *
     * @param stop asked before each message; true ends the round early (the application is stopping)
     * @return how many messages were sent
     */
    public int deliverDue(BooleanSupplier stop) {
        List<Long> due = queue.due(Instant.now(), ROUND);
        if (due.isEmpty()) {
            return 0;
        }
        Session session = Letters.withTimeouts(mailSession);
        Transport transport = null;
        int sent = 0;
        try {
            for (long id : due) {
                if (stop.getAsBoolean()) {
                    break;
                }
                Optional<Delivery> claimed = queue.claim(id, Instant.now());
                if (claimed.isEmpty()) {
                    continue;
                }
                Delivery delivery = claimed.get();
                MimeMessage message;
                try {
                    message = Letters.compose(session, delivery, sender(), Instant.now());
                } catch (MessagingException | RuntimeException e) {
                    record(delivery, e);
                    continue;
                }
                if (transport == null || !transport.isConnected()) {
                    try {
                        transport = connect(session);
                    } catch (MessagingException e) {
                        record(delivery, e);
                        break;
                    }
                }
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    record(delivery, e);
                    continue;
                }
                record(delivery, null);
                sent++;
            }
        } finally {
            close(transport);
        }
        return sent;
    }

    private InternetAddress sender() throws AddressException {
        try {
            return Recipients.parse(settings.from());
        } catch (AddressException e) {
            throw new AddressException("the sender address '" + settings.from()
                    + "' (switchboard.mail.from / SWITCHBOARD_MAIL_FROM) is not an e-mail address: " + e.getMessage());
        }
    }

    private Transport connect(Session session) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        if (settings.username() != null) {
            transport.connect(settings.username(), settings.password());
        } else {
            transport.connect();
        }
        return transport;
    }

    /** Records the outcome; a failure to record it leaves the message claimed until its lease runs out. */
    private void record(Delivery delivery, Exception failure) {
        try {
            boolean recorded = failure == null ? queue.delivered(delivery, Instant.now())
                    : queue.failed(delivery, describe(failure), Instant.now());
            if (!recorded) {
                LOG.warning(() -> "Mail " + delivery.id() + " was taken over by another sender after its claim ran "
                        + "out; this sender's outcome (" + (failure == null ? "sent" : describe(failure))
                        + ") is not recorded");
            } else if (failure != null) {
                LOG.log(Level.INFO, () -> "Mail " + delivery.id() + ", attempt " + delivery.attempt() + ", failed: "
                        + describe(failure));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot record the outcome of mail " + delivery.id()
                    + "; it stays SENDING until its claim runs out", e);
        }
    }

    /** The failure as an administrator reads it in the outbox: each distinct message of the cause chain. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Jakarta Mail's messages span lines ("nested exception is: ...")
            String message = t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage().strip().replaceAll("\\s+", " ");
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : "; caused by ").append(message);
            }
        }
        return text.toString();
    }

    private static void close(Transport transport) {
        if (transport != null && transport.isConnected()) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing the SMTP connection failed", e);
            }
        }
    }
}
