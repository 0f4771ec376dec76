package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A cap on the bcrypt work all sign-ins together may cause, so that a flood of wrong passwords costs the server a
 * bounded share of its CPU instead of all of it: at most {@code concurrent} checks at a time (a further one waits
 * up to {@link #QUEUE_WAIT}) and at most {@code perSecond} a second (a token bucket, one second deep). Over it, the
 * attempt is answered 503 with {@code Retry-After}, never counted as a failure and never locks anyone: a cached
 * Basic login and a session cookie need no bcrypt and are not affected.
 *
 * <p>{@code switchboard.login.bcrypt.concurrent} / {@code SWITCHBOARD_LOGIN_BCRYPT_CONCURRENT} (default: the number
 * of processors, at least 2) and {@code switchboard.login.bcrypt.per.second} /
 * {@code SWITCHBOARD_LOGIN_BCRYPT_PER_SECOND} (default 50) set the limits.
 */
@ApplicationScoped
public class BcryptBudget {

    static final Duration QUEUE_WAIT = Duration.ofSeconds(10);

    private final Semaphore running;
    private final int perSecond;
    private final Duration queueWait;
    private final Clock clock;
    private double tokens;
    private Instant at;

    public BcryptBudget() {
        this(Settings.integer("switchboard.login.bcrypt.concurrent", "SWITCHBOARD_LOGIN_BCRYPT_CONCURRENT",
                Math.max(2, Runtime.getRuntime().availableProcessors())),
                Settings.integer("switchboard.login.bcrypt.per.second", "SWITCHBOARD_LOGIN_BCRYPT_PER_SECOND", 50),
                QUEUE_WAIT, Clock.systemUTC());
    }

    BcryptBudget(int concurrent, int perSecond, Duration queueWait, Clock clock) {
        this.running = new Semaphore(Math.max(1, concurrent), true);
        this.perSecond = Math.max(1, perSecond);
        this.queueWait = queueWait;
        this.clock = clock;
        this.tokens = this.perSecond;
        this.at = clock.instant();
    }

    /** Runs one bcrypt check if the budget allows; answers empty when it does not (the caller answers 503). */
    public java.util.Optional<Boolean> check(BooleanSupplier bcrypt) {
        if (!takeToken()) {
            return java.util.Optional.empty();
        }
        try {
            if (!running.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return java.util.Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(bcrypt.getAsBoolean());
        } finally {
            running.release();
        }
    }

    private synchronized boolean takeToken() {
        Instant now = clock.instant();
        double refilled = (double) Duration.between(at, now).toMillis() * perSecond / 1000;
        tokens = Math.min(perSecond, tokens + Math.max(0, refilled));
        at = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Reads a number from a system property, else an environment variable, else the default. */
    static final class Settings {
        private Settings() {
        }

        static int integer(String property, String env, int fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = System.getenv(env);
            }
            try {
                return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
