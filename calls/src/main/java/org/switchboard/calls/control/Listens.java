package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.switchboard.calls.entity.Listen;
import org.switchboard.core.time.AppClock;

/**
 * The listen log (152-FZ: who listened to which recording). Every fetch of a recording, whatever its Range, is a
 * listen; the range requests of one playback (a player's seeks) are not new ones: at most one listen per user, call
 * and {@link #PLAYBACK}.
 */
@ApplicationScoped
public class Listens {

    public static final Duration PLAYBACK = Duration.ofMinutes(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    /**
     * Logs that {@code username} fetched the call's recording, unless they did within the last {@link #PLAYBACK}.
     * Parallel fetches are serialised by the call's row lock (held to the end of the caller's transaction), so the
     * second sees the first one's listen.
     *
     * @return whether a listen was logged
     */
    public boolean fetched(long callId, String username) {
        em.createNativeQuery("SELECT id FROM calls_call WHERE id = ?1 FOR UPDATE").setParameter(1, callId)
                .getResultList();
        Instant now = clock.now();
        Instant last = em.createQuery("SELECT MAX(l.at) FROM Listen l WHERE l.callId = :call AND l.username = :user",
                Instant.class).setParameter("call", callId).setParameter("user", username).getSingleResult();
        if (!isNewListen(last, now)) {
            return false;
        }
        em.persist(new Listen(callId, username, now));
        em.flush();
        return true;
    }

    /** A fetch is a new listen when the user's last one of this call is at least {@link #PLAYBACK} ago. */
    public static boolean isNewListen(Instant last, Instant now) {
        return last == null || !now.isBefore(last.plus(PLAYBACK));
    }
}
