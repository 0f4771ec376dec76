package org.switchboard.core.mail;

import java.util.List;

/**
 * A message to queue with {@link Outbox#queue(Mail)}.
 *
 * @param to          one or more addresses, each {@code user@domain} or {@code Display Name <user@domain>}
 * @param subject     one line, not blank
 * @param text        the plain-text body (required)
 * @param html        an optional HTML alternative of the same content; {@code null} for text only
 * @param attachments files to attach; {@code null} or empty for none
 * @param category    what kind of message this is, e.g. {@code digest} or {@code info}, for filtering the outbox
 *                    list; lower-case letters, digits, {@code . _ -}; optional
 */
public record Mail(List<String> to, String subject, String text, String html, List<Attachment> attachments,
        String category) {

    /**
     * A file to attach.
     *
     * @param fileName    the name the recipient sees
     * @param contentType a MIME type such as {@code text/csv}; {@code null} for {@code application/octet-stream}
     * @param content     the bytes
     */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
