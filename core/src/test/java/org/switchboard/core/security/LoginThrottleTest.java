package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFailuresAreFree() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.failed("ivan");
        }
        assertThat(throttle.lockedFor("ivan")).isEmpty();
    }

    @Test
    void afterTheFreeAttemptsTheUsernameIsLockedAndTheLockOutGrows() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("ivan");
        }
        assertThat(throttle.lockedFor("ivan")).contains(LoginThrottle.FIRST_LOCKOUT);
        assertThat(throttle.lockedFor("IVAN")).as("usernames are case-insensitive").isPresent();
        assertThat(throttle.lockedFor("olga")).isEmpty();

        clock.advance(LoginThrottle.FIRST_LOCKOUT);
        assertThat(throttle.lockedFor("ivan")).isEmpty();
        throttle.failed("ivan");
        assertThat(throttle.lockedFor("ivan")).contains(LoginThrottle.FIRST_LOCKOUT.multipliedBy(2));
    }

    @Test
    void theLockOutNeverExceedsTheMaximum() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("ivan");
        }
        assertThat(throttle.lockedFor("ivan")).contains(LoginThrottle.MAX_LOCKOUT);
    }

    @Test
    void successClearsTheRecord() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("ivan");
        }
        throttle.succeeded("ivan");
        assertThat(throttle.lockedFor("ivan")).isEmpty();
        throttle.failed("ivan");
        assertThat(throttle.lockedFor("ivan")).isEmpty();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS - 1; i++) {
            throttle.failed("ivan");
        }
        clock.advance(LoginThrottle.MAX_LOCKOUT.plusSeconds(1));
        throttle.failed("ivan");
        assertThat(throttle.lockedFor("ivan")).isEmpty();
    }
}
