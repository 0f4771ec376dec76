package org.switchboard.core.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, shifted by an offset that only a server started with {@code -Dswitchboard.clock.adjustable=true}
 * (the integration tests) lets anyone change — through {@code PUT /api/system/clock}. Everywhere else it is the
 * system clock, exactly.
 *
 * <p>Browser sessions measure their idle time on a clock of their own ({@link #sessionNow()}): the system clock,
 * which moving "now" does not touch (a test that jumps to another day keeps its browser signed in), and which a
 * test server can move ahead separately to expire sessions.
 */
@ApplicationScoped
public class AppClock {

    public static final String ADJUSTABLE = "switchboard.clock.adjustable";

    private volatile Duration offset = Duration.ZERO;
    private volatile Duration sessionsAhead = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** "Now" for the idle timeout and age of browser sessions. */
    public Instant sessionNow() {
        return Instant.now().plus(sessionsAhead);
    }

    /** Moves the sessions' clock ahead of the system clock (zero: back to it); only on an adjustable server. */
    public void sessionsAhead(Duration ahead) {
        if (!adjustable()) {
            throw new IllegalStateException("the clock of this server cannot be moved");
        }
        sessionsAhead = ahead == null || ahead.isNegative() ? Duration.ZERO : ahead;
    }

    /** A {@link Clock} reading this one, for code that takes a {@code java.time.Clock}. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), offset);
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    public static boolean adjustable() {
        return Boolean.getBoolean(ADJUSTABLE);
    }

    /** Moves "now" to {@code instant} (null: back to the system clock). */
    public void set(Instant instant) {
        if (!adjustable()) {
            throw new IllegalStateException("the clock of this server cannot be moved");
        }
        offset = instant == null ? Duration.ZERO : Duration.between(Instant.now(), instant);
    }
}
