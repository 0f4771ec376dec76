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

    private static final String ATTACKER = "203.0.113.66";
    private static final String OFFICE = "198.51.100.7";

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String address, String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address, username);
        }
    }

    @Test
    void theFirstFailuresAreFree() {
        fail(ATTACKER, "ivan", LoginThrottle.PAIR_FREE_FAILURES - 1);
        assertThat(throttle.check(ATTACKER, "ivan")).isEmpty();
    }

    @Test
    void afterTheFreeFailuresThePairIsLockedAndTheLockOutGrows() {
        fail(ATTACKER, "ivan", LoginThrottle.PAIR_FREE_FAILURES);
        assertThat(throttle.check(ATTACKER, "ivan")).get()
                .satisfies(r -> assertThat(r.retryAfter()).isEqualTo(LoginThrottle.FIRST_LOCKOUT))
                .satisfies(r -> assertThat(r.retryAfterSeconds()).isEqualTo(30))
                .satisfies(r -> assertThat(r.detail()).contains("from your address", "30 seconds"));
        assertThat(throttle.check(ATTACKER, "IVAN")).as("usernames are case-insensitive").isPresent();
        assertThat(throttle.check(ATTACKER, "olga")).as("another username from the same address").isEmpty();

        clock.advance(LoginThrottle.FIRST_LOCKOUT);
        assertThat(throttle.check(ATTACKER, "ivan")).isEmpty();
        throttle.failed(ATTACKER, "ivan");
        assertThat(throttle.check(ATTACKER, "ivan")).get()
                .satisfies(r -> assertThat(r.retryAfter()).isEqualTo(LoginThrottle.FIRST_LOCKOUT.multipliedBy(2)));
    }

    @Test
    void anAttackerOnOneAddressNeverLocksTheUserOutOfAnother() {
        fail(ATTACKER, "ivan", 25);
        assertThat(throttle.check(ATTACKER, "ivan")).isPresent();
        assertThat(throttle.check(OFFICE, "ivan")).as("the real user, elsewhere").isEmpty();
        throttle.succeeded(OFFICE, "ivan");
        assertThat(throttle.check(ATTACKER, "ivan")).as("their success does not unlock the attacker").isPresent();
    }

    @Test
    void manyAddressesHammeringOneUsernameDoNotLockIt() {
        for (int a = 0; a < 50; a++) {
            fail("10.0.0." + a, "ivan", 10);
        }
        assertThat(throttle.check(OFFICE, "ivan")).isEmpty();
    }

    @Test
    void oneAddressTryingManyUsernamesSpendsItsBudget() {
        for (int i = 0; i < LoginThrottle.ADDRESS_BURST; i++) {
            assertThat(throttle.check(ATTACKER, "user" + i)).isEmpty();
            throttle.failed(ATTACKER, "user" + i);
        }
        assertThat(throttle.check(ATTACKER, "someone-new")).get()
                .satisfies(r -> assertThat(r.retryAfter()).isEqualTo(LoginThrottle.ADDRESS_REFILL))
                .satisfies(r -> assertThat(r.detail()).contains("from your address"));
        assertThat(throttle.check(OFFICE, "someone-new")).isEmpty();

        // the budget refills one failure per interval, never above the burst
        clock.advance(LoginThrottle.ADDRESS_REFILL);
        assertThat(throttle.check(ATTACKER, "someone-new")).isEmpty();
        throttle.failed(ATTACKER, "someone-new");
        assertThat(throttle.check(ATTACKER, "another")).isPresent();
        clock.advance(Duration.ofDays(1));
        fail(ATTACKER, "x", LoginThrottle.ADDRESS_BURST - 1);
        assertThat(throttle.check(ATTACKER, "y")).isEmpty();
    }

    @Test
    void theLockOutNeverExceedsTheMaximum() {
        fail(ATTACKER, "ivan", 40);
        assertThat(throttle.check(ATTACKER, "ivan")).get()
                .satisfies(r -> assertThat(r.retryAfter()).isEqualTo(LoginThrottle.MAX_LOCKOUT));
    }

    @Test
    void successClearsThePair() {
        fail(ATTACKER, "ivan", LoginThrottle.PAIR_FREE_FAILURES - 1);
        throttle.succeeded(ATTACKER, "ivan");
        throttle.failed(ATTACKER, "ivan");
        assertThat(throttle.check(ATTACKER, "ivan")).isEmpty();
    }

    @Test
    void oldFailuresAreForgotten() {
        fail(ATTACKER, "ivan", LoginThrottle.PAIR_FREE_FAILURES - 1);
        clock.advance(LoginThrottle.MAX_LOCKOUT.plusSeconds(1));
        throttle.failed(ATTACKER, "ivan");
        assertThat(throttle.check(ATTACKER, "ivan")).isEmpty();
    }
}
