package org.switchboard.core.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One e-mail in the outbox and its delivery: QUEUED until the sender claims it (SENDING), then SENT, or back to
 * QUEUED after a failure with a growing wait, or FAILED when {@link #MAX_ATTEMPTS} attempts have failed.
 *
 * <p>A claim is a lease: a sender that dies mid-send leaves the message SENDING, and once {@link #LEASE} has
 * passed it is due again. Delivery is therefore at least once — a crash after the SMTP server accepted the
 * message but before SENT was recorded sends it again (with the same Message-ID).
 */
@Entity
@Table(name = "core_mail")
public class MailMessage {

    public enum State {
        QUEUED, SENDING, SENT, FAILED
    }

    /** How long a claim holds a message; far longer than one SMTP exchange with the sender's timeouts. */
    public static final Duration LEASE = Duration.ofMinutes(10);

    /** The wait after the 1st, 2nd, … failed attempt. */
    public static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    /** The attempt after the last wait is the last one. */
    public static final int MAX_ATTEMPTS = BACK_OFF.size() + 1;

    static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_mail_seq")
    @SequenceGenerator(name = "core_mail_seq", sequenceName = "core_mail_seq", allocationSize = 50)
    private Long id;

    /** The addresses as one RFC 5322 address list (ASCII, display names encoded). */
    @Column(nullable = false, length = 4000)
    private String recipients;

    @Column(nullable = false, length = 500)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 1_000_000)
    private String text;

    @Column(name = "html_body", length = 1_000_000)
    private String html;

    @Column(length = 40)
    private String category;

    /** The user whose request made the message, when one did (an operator's info e-mail); null for the system's. */
    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state = State.QUEUED;

    /** Delivery attempts started so far (counted when claimed, so an attempt cut short by a crash counts too). */
    @Column(nullable = false)
    private int attempts;

    /** When the message is due: the next attempt, or the end of a claim's lease; none once SENT or FAILED. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected MailMessage() {
    }

    public MailMessage(String recipients, String subject, String text, String html, String category, Instant now) {
        this.recipients = recipients;
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.category = category;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Names the user who asked for this message; their count of messages is what per-user limits read. */
    public void requestedBy(String username) {
        this.requestedBy = username;
    }

    /** Whether a sender may claim it now: queued and its time has come, or claimed but the lease ran out. */
    public boolean isDue(Instant now) {
        return (state == State.QUEUED || state == State.SENDING) && nextAttemptAt != null
                && !nextAttemptAt.isAfter(now);
    }

    /** Takes the message for one delivery attempt, leased until {@code now + LEASE}. */
    public void claim(Instant now) {
        if (!isDue(now)) {
            throw new IllegalStateException("mail " + id + " is " + state + " and not due at " + now);
        }
        state = State.SENDING;
        attempts++;
        nextAttemptAt = now.plus(LEASE);
    }

    public void delivered(Instant now) {
        requireSending();
        state = State.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** Records a failed attempt: queued again after the back-off for this attempt, or FAILED after the last. */
    public void failed(String error, Instant now) {
        requireSending();
        lastError = error == null || error.isBlank() ? "unknown error"
                : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (attempts >= MAX_ATTEMPTS) {
            state = State.FAILED;
            nextAttemptAt = null;
        } else {
            state = State.QUEUED;
            nextAttemptAt = now.plus(BACK_OFF.get(Math.max(attempts, 1) - 1));
        }
    }

    /** An administrator sends a FAILED message again, with a fresh set of attempts. */
    public void retry(Instant now) {
        if (state != State.FAILED) {
            throw new IllegalStateException("only a FAILED message can be retried; mail " + id + " is " + state);
        }
        state = State.QUEUED;
        attempts = 0;
        nextAttemptAt = now;
    }

    private void requireSending() {
        if (state != State.SENDING) {
            throw new IllegalStateException("mail " + id + " is " + state + ", not SENDING");
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getSubject() {
        return subject;
    }

    public String getText() {
        return text;
    }

    public String getHtml() {
        return html;
    }

    public String getCategory() {
        return category;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public long getVersion() {
        return version;
    }
}
