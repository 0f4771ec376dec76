package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BcryptBudgetTest {

    private final LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();

    @Test
    void atMostPerSecondChecksASecondThenRefused() {
        BcryptBudget budget = new BcryptBudget(4, 3, Duration.ZERO, clock);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(budget.check(() -> ran.incrementAndGet() > 0)).contains(true);
        }
        assertThat(budget.check(() -> ran.incrementAndGet() > 0)).as("the fourth in the same second").isEmpty();
        assertThat(ran).hasValue(3);

        clock.advance(Duration.ofMillis(340));
        assertThat(budget.check(() -> false)).as("a third of a second buys one more").contains(false);
        assertThat(budget.check(() -> false)).isEmpty();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(budget.check(() -> true)).isPresent();
        }
        assertThat(budget.check(() -> true)).as("the bucket holds one second's worth, no more").isEmpty();
    }

    @Test
    void atMostConcurrentChecksAtATime() throws Exception {
        BcryptBudget budget = new BcryptBudget(1, 100, Duration.ofMillis(50), clock);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> budget.check(() -> {
            inside.countDown();
            try {
                return release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        first.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.check(() -> true)).as("the only permit is taken; waiting 50 ms is not enough").isEmpty();
        release.countDown();
        first.join(5000);
        assertThat(budget.check(() -> true)).contains(true);
    }
}
