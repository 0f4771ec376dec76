package org.switchboard.core.mail.control;

import java.util.List;
import org.switchboard.core.mail.Mail;

/**
 * A claimed message, read out of the database so that the SMTP exchange happens outside any transaction.
 *
 * @param version the message's version after the claim: the outcome is recorded only while it is still the
 *                current one, i.e. while no other sender has taken the message over after the lease ran out
 * @param attempt which attempt this is, from 1
 */
public record Delivery(long id, long version, int attempt, String recipients, String subject, String text,
        String html, List<Mail.Attachment> attachments) {
}
