package org.switchboard.core.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.control.MailChecks;
import org.switchboard.core.mail.entity.MailAttachment;
import org.switchboard.core.mail.entity.MailMessage;

/**
 * Where modules put the e-mails they send. A queued message is written in the caller's transaction, so it is
 * sent only if the caller's work commits; the sender delivers it afterwards through the server's mail session,
 * retrying with back-off, and the outbox list ({@code /api/outbox}) shows how it went.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    /**
     * Validates the message and persists it (state QUEUED) in the caller's JTA transaction, or in a new one when
     * the caller has none.
     *
     * @return the message's id in the outbox
     * @throws ProblemException (400) naming every field that is wrong: an address that does not parse, a blank
     *         or multi-line subject, a missing text, a size over the limits of {@link MailChecks}. It does not
     *         mark the caller's transaction for rollback.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public long queue(Mail mail) {
        return queue(mail, null);
    }

    /** As {@link #queue(Mail)}, kept as asked for by {@code requestedBy} (a username), whom {@link #requestedSince} counts. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public long queue(Mail mail, String requestedBy) {
        MailChecks.Checked checked = MailChecks.check(mail);
        MailMessage message = new MailMessage(checked.recipients(), checked.subject(), checked.text(), checked.html(),
                checked.category(), Instant.now());
        message.requestedBy(requestedBy);
        em.persist(message);
        for (Mail.Attachment file : checked.attachments()) {
            em.persist(new MailAttachment(message.getId(), file.fileName(), file.contentType(), file.content()));
        }
        return message.getId();
    }

    /**
     * How many messages of a category {@code requestedBy} asked for since a time, and the oldest of them: read from
     * the outbox table, so a limit on it holds across restarts and on every node of a cluster.
     */
    public Requested requestedSince(String category, String requestedBy, Instant since) {
        Object[] row = em.createQuery("SELECT COUNT(m), MIN(m.createdAt) FROM MailMessage m WHERE m.category = :c"
                + " AND m.requestedBy = :u AND m.createdAt >= :since", Object[].class).setParameter("c", category)
                .setParameter("u", requestedBy).setParameter("since", since).getSingleResult();
        return new Requested(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** A count of requested messages and the time of the oldest of them (null when there is none). */
    public record Requested(long count, Instant oldest) {
    }
}
