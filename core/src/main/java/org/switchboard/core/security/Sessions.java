package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.switchboard.core.security.entity.BrowserSession;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/**
 * Browser sessions, kept in the database ({@code core_session}) so that every node of a cluster sees the same ones.
 * The idle timeout is the settings' {@code sessionIdleMinutes}, enforced here on every request.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "SWITCHBOARD_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** "Last seen" is written at most this often: the idle timeout is exact to within it. */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    /** A new session: the token goes into the cookie (and nowhere else), the CSRF token to the UI. */
    public record Opened(String token, String tokenHash, String csrfToken) {
    }

    /** A live session of a request. */
    public record Active(String tokenHash, long userId, String csrfToken) {
    }

    @Transactional
    public Opened open(long userId) {
        Instant now = clock.sessionNow();
        em.createQuery("DELETE FROM BrowserSession s WHERE s.lastSeenAt < :idle OR s.createdAt < :old")
                .setParameter("idle", now.minus(idle())).setParameter("old", now.minus(BrowserSession.MAX_AGE))
                .executeUpdate();
        String token = randomToken();
        String csrf = randomToken();
        em.persist(new BrowserSession(hash(token), userId, csrf, now));
        return new Opened(token, hash(token), csrf);
    }

    /** The live session of a cookie's token, marked used; empty when there is none or it has ended (then removed). */
    @Transactional
    public Optional<Active> check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        BrowserSession session = em.find(BrowserSession.class, hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.sessionNow();
        if (session.endedAt(now, idle())) {
            em.remove(session);
            return Optional.empty();
        }
        session.seen(now, TOUCH_GRANULARITY);
        return Optional.of(new Active(session.getTokenHash(), session.getUserId(), session.getCsrfToken()));
    }

    @Transactional
    public void end(String tokenHash) {
        em.createQuery("DELETE FROM BrowserSession s WHERE s.tokenHash = :h").setParameter("h", tokenHash)
                .executeUpdate();
    }

    /** Ends every session of a user but one (null: all), after their password changed. */
    @Transactional
    public void endOthers(long userId, String keepTokenHash) {
        em.createQuery("DELETE FROM BrowserSession s WHERE s.userId = :u AND s.tokenHash <> :keep")
                .setParameter("u", userId).setParameter("keep", keepTokenHash == null ? "" : keepTokenHash)
                .executeUpdate();
    }

    private Duration idle() {
        return Duration.ofMinutes(callCentre.settings().sessionIdleMinutes());
    }

    /** Compares a sent CSRF token with the session's in constant time. */
    public static boolean csrfMatches(String sent, String expected) {
        return sent != null && expected != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
