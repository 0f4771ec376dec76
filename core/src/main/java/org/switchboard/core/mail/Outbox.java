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
        MailChecks.Checked checked = MailChecks.check(mail);
        MailMessage message = new MailMessage(checked.recipients(), checked.subject(), checked.text(), checked.html(),
                checked.category(), Instant.now());
        em.persist(message);
        for (Mail.Attachment file : checked.attachments()) {
            em.persist(new MailAttachment(message.getId(), file.fileName(), file.contentType(), file.content()));
        }
        return message.getId();
    }
}
