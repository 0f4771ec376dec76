package org.switchboard.core.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.mail.Mail;
import org.switchboard.core.mail.entity.MailAttachment;
import org.switchboard.core.mail.entity.MailMessage;

/**
 * The sender's steps on the outbox table, each in a short transaction of its own: which messages are due,
 * claiming one, recording how its delivery went. Claiming is safe with any number of senders (threads or
 * servers): it is one conditional UPDATE on the version the sender read, so of two senders that read the same
 * message only the first one's UPDATE matches a row.
 */
@ApplicationScoped
public class MailQueue {

    @PersistenceContext
    EntityManager em;

    protected MailQueue() {
    }

    /** Over a given entity manager, for persistence tests outside the server. */
    public MailQueue(EntityManager em) {
        this.em = em;
    }

    /** Ids of the messages due at {@code now}, the longest-waiting first. */
    public List<Long> due(Instant now, int max) {
        return em.createQuery("SELECT m.id FROM MailMessage m WHERE m.state IN (:waiting) AND m.nextAttemptAt <= :now"
                + " ORDER BY m.nextAttemptAt, m.id", Long.class)
                .setParameter("waiting", List.of(MailMessage.State.QUEUED, MailMessage.State.SENDING))
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes a message for one delivery attempt, if it is still due and no one else took it first.
     *
     * @return the message to send, or empty when it is not (or no longer) due or another sender won
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Delivery> claim(long id, Instant now) {
        MailMessage mail = em.find(MailMessage.class, id);
        if (mail == null || !mail.isDue(now)) {
            return Optional.empty();
        }
        long claimedVersion = mail.getVersion() + 1;
        if (!take(mail, now)) {
            return Optional.empty();
        }
        List<Mail.Attachment> files = em.createQuery(
                "SELECT a FROM MailAttachment a WHERE a.mailId = :id ORDER BY a.id", MailAttachment.class)
                .setParameter("id", id)
                .getResultStream()
                .map(a -> new Mail.Attachment(a.getFileName(), a.getContentType(), a.getContent()))
                .toList();
        return Optional.of(new Delivery(id, claimedVersion, mail.getAttempts(), mail.getRecipients(),
                mail.getSubject(), mail.getText(), mail.getHtml(), files));
    }

    /**
     * The claim's write: the entity decides what a claim changes, one UPDATE conditional on the version read
     * writes it. It matches no row when the message changed since it was read — another sender took it first.
     * The entity is detached first, lest a flush write the same change without the condition.
     */
    boolean take(MailMessage mail, Instant now) {
        long seen = mail.getVersion();
        em.detach(mail);
        mail.claim(now);
        int won = em.createQuery("UPDATE MailMessage m SET m.state = :state, m.attempts = :attempts,"
                + " m.nextAttemptAt = :until, m.version = :next WHERE m.id = :id AND m.version = :seen")
                .setParameter("state", mail.getState())
                .setParameter("attempts", mail.getAttempts())
                .setParameter("until", mail.getNextAttemptAt())
                .setParameter("next", seen + 1)
                .setParameter("id", mail.getId())
                .setParameter("seen", seen)
                .executeUpdate();
        return won == 1;
    }

    /** @return false when the claim had been lost (the message changed since), so nothing was recorded */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean delivered(Delivery delivery, Instant now) {
        MailMessage mail = stillClaimed(delivery);
        if (mail == null) {
            return false;
        }
        mail.delivered(now);
        return true;
    }

    /** @return false when the claim had been lost (the message changed since), so nothing was recorded */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(Delivery delivery, String error, Instant now) {
        MailMessage mail = stillClaimed(delivery);
        if (mail == null) {
            return false;
        }
        mail.failed(error, now);
        return true;
    }

    private MailMessage stillClaimed(Delivery delivery) {
        MailMessage mail = em.find(MailMessage.class, delivery.id());
        // @Version makes the commit fail too if someone changes it between this read and the commit
        return mail != null && mail.getVersion() == delivery.version() ? mail : null;
    }
}
