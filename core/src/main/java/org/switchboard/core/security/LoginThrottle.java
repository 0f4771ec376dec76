package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@value #FREE_ATTEMPTS} failed logins for one username, further
 * attempts are refused for a lock-out that doubles with every further failure, from
 * {@link #FIRST_LOCKOUT} up to {@link #MAX_LOCKOUT}. A successful login clears the record; records of
 * usernames left alone for longer than the maximum lock-out are forgotten.
 *
 * <p>This is transient protection of this server process, not data: it is deliberately not persisted.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    /** How long the caller must wait before trying this username again, if at all. */
    public Optional<Duration> lockedFor(String username) {
        Failures f = failures.get(key(username));
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(MAX_LOCKOUT).isBefore(now));
        }
        failures.compute(key(username), (k, old) -> {
            int count = old == null || old.last().plus(MAX_LOCKOUT).isBefore(now) ? 1 : old.count() + 1;
            Instant lockedUntil = null;
            if (count >= FREE_ATTEMPTS) {
                int doublings = Math.min(count - FREE_ATTEMPTS, 10);
                Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
                lockedUntil = now.plus(lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout);
            }
            return new Failures(count, lockedUntil, now);
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
