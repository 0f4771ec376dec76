package org.switchboard.core.mail.control;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.core.errors.Problem.Violation;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.mail.Mail;

/**
 * What the outbox accepts, checked before anything is stored, with every wrong field named at once. The limits
 * keep one message well inside what SMTP servers take (commonly 10–25 MB) and inside the table's columns.
 */
public final class MailChecks {

    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 1_000_000;
    public static final int MAX_ATTACHMENTS = 20;
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;
    static final int MAX_RECIPIENTS_TEXT = 4000;
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    /** A message as it will be stored: addresses joined, blanks made absent, content types filled in. */
    public record Checked(String recipients, String subject, String text, String html, String category,
            List<Mail.Attachment> attachments) {
    }

    private MailChecks() {
    }

    public static Checked check(Mail mail) {
        if (mail == null) {
            throw ProblemException.badRequest("There is no message to queue");
        }
        List<Violation> violations = new ArrayList<>();
        String recipients = recipients(mail.to(), violations);
        String subject = mail.subject() == null ? null : mail.subject().strip();
        if (subject == null || subject.isEmpty()) {
            violations.add(new Violation("subject", "is required"));
        } else if (subject.length() > MAX_SUBJECT) {
            violations.add(new Violation("subject", "must be at most " + MAX_SUBJECT + " characters"));
        } else if (subject.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("subject", "must be one line, without control characters"));
        }
        if (mail.text() == null || mail.text().isBlank()) {
            violations.add(new Violation("text", "is required: every message has a plain-text body"));
        } else if (mail.text().length() > MAX_BODY) {
            violations.add(new Violation("text", "must be at most " + MAX_BODY + " characters"));
        }
        String html = mail.html() == null || mail.html().isBlank() ? null : mail.html();
        if (html != null && html.length() > MAX_BODY) {
            violations.add(new Violation("html", "must be at most " + MAX_BODY + " characters"));
        }
        String category = mail.category() == null || mail.category().isBlank() ? null : mail.category().strip();
        if (category != null && !CATEGORY.matcher(category).matches()) {
            violations.add(new Violation("category",
                    "must be 1-40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        List<Mail.Attachment> attachments = attachments(mail.attachments(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Checked(recipients, subject, mail.text(), html, category, attachments);
    }

    private static String recipients(List<String> to, List<Violation> violations) {
        if (to == null || to.isEmpty()) {
            violations.add(new Violation("to", "needs at least one address"));
            return null;
        }
        if (to.size() > MAX_RECIPIENTS) {
            violations.add(new Violation("to", "must have at most " + MAX_RECIPIENTS + " addresses"));
            return null;
        }
        List<InternetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            String field = "to[" + i + "]";
            String text = to.get(i);
            if (text == null || text.isBlank()) {
                violations.add(new Violation(field, "is blank"));
                continue;
            }
            try {
                addresses.add(Recipients.parse(text));
            } catch (AddressException e) {
                violations.add(new Violation(field, "'" + text.strip() + "' is not an e-mail address ("
                        + e.getMessage() + ")"));
            }
        }
        String joined = Recipients.join(addresses);
        if (joined.length() > MAX_RECIPIENTS_TEXT) {
            violations.add(new Violation("to", "the addresses together must be at most " + MAX_RECIPIENTS_TEXT
                    + " characters"));
        }
        return joined;
    }

    private static List<Mail.Attachment> attachments(List<Mail.Attachment> files, List<Violation> violations) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (files.size() > MAX_ATTACHMENTS) {
            violations.add(new Violation("attachments", "must be at most " + MAX_ATTACHMENTS + " files"));
            return List.of();
        }
        List<Mail.Attachment> checked = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            String field = "attachments[" + i + "]";
            Mail.Attachment file = files.get(i);
            if (file == null) {
                violations.add(new Violation(field, "is missing"));
                continue;
            }
            String name = file.fileName() == null ? "" : file.fileName().strip();
            if (name.isEmpty()) {
                violations.add(new Violation(field + ".fileName", "is required"));
            } else if (name.length() > MAX_FILE_NAME) {
                violations.add(new Violation(field + ".fileName", "must be at most " + MAX_FILE_NAME + " characters"));
            } else if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
                violations.add(new Violation(field + ".fileName", "must be a plain file name, without folders"));
            }
            String type = contentType(file.contentType(), field, violations);
            if (file.content() == null) {
                violations.add(new Violation(field + ".content", "is required (it may be empty)"));
            } else {
                total += file.content().length;
            }
            checked.add(new Mail.Attachment(name, type, file.content()));
        }
        if (total > MAX_ATTACHMENT_BYTES) {
            violations.add(new Violation("attachments", "must be at most " + MAX_ATTACHMENT_BYTES
                    + " bytes together, not " + total));
        }
        return checked;
    }

    private static String contentType(String given, String field, List<Violation> violations) {
        if (given == null || given.isBlank()) {
            return DEFAULT_CONTENT_TYPE;
        }
        String type = given.strip();
        try {
            ContentType parsed = new ContentType(type);
            if (parsed.getPrimaryType() == null || parsed.getSubType() == null || type.length() > 255) {
                throw new ParseException(type);
            }
        } catch (ParseException e) {
            violations.add(new Violation(field + ".contentType", "'" + type + "' is not a MIME type like text/csv"));
        }
        return type;
    }
}
