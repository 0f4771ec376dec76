package org.switchboard.core.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in browser. The cookie holds a random token; the row holds only its SHA-256, the user, the anti-CSRF
 * token the UI must echo on every change, and when the session was last used. A session ends when the user signs
 * out, or once it has been idle longer than the settings' {@code sessionIdleMinutes}, or after {@link #MAX_AGE}.
 */
@Entity
@Table(name = "core_session")
public class BrowserSession {

    /** However active, a session ends after a working day and a bit; the user signs in again. */
    public static final Duration MAX_AGE = Duration.ofHours(12);

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "csrf_token", nullable = false, length = 64)
    private String csrfToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected BrowserSession() {
    }

    public BrowserSession(String tokenHash, Long userId, String csrfToken, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.csrfToken = csrfToken;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    /** Whether the session is over at {@code now}, idle for longer than {@code idle} or older than its maximum. */
    public boolean endedAt(Instant now, Duration idle) {
        return !now.isBefore(lastSeenAt.plus(idle)) || !now.isBefore(createdAt.plus(MAX_AGE));
    }

    /** Marks the session used; written only when the last mark is older than {@code granularity}, to spare writes. */
    public void seen(Instant now, Duration granularity) {
        if (!now.isBefore(lastSeenAt.plus(granularity))) {
            lastSeenAt = now;
        }
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Long getUserId() {
        return userId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
