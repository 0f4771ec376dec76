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
 */
@ApplicationScoped
public class AppClock {

    public static final String ADJUSTABLE = "switchboard.clock.adjustable";

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
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
