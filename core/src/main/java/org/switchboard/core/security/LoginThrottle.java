package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Slows down password guessing without letting an attacker lock anyone out. Three counters, each kept in memory
 * (transient protection of this process, not data):
 * <ul>
 * <li><b>address + username</b>: after {@value #PAIR_FREE_FAILURES} failed sign-ins for one username from one
 * address, that pair is locked for {@link #FIRST_LOCKOUT}, doubling with every further failure up to
 * {@link #MAX_LOCKOUT}. The same username from another address is not affected; a success clears the pair.</li>
 * <li><b>address</b>: a looser budget over every username: a burst of {@value #ADDRESS_BURST} failures, then one
 * more every {@link #ADDRESS_REFILL}. It stops one address from trying many usernames.</li>
 * <li><b>username</b>: never refuses anything (a per-username lock is exactly what lets anyone lock a user out);
 * past {@value #USERNAME_ALERT} failures within {@link #MAX_LOCKOUT} it logs a warning for the administrator once.
 * Guessing spread over many addresses is bounded by the address budgets, the global bcrypt budget
 * ({@link BcryptBudget}) and the password policy.</li>
 * </ul>
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PAIR_FREE_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);
    static final int ADDRESS_BURST = 30;
    static final Duration ADDRESS_REFILL = Duration.ofSeconds(10);
    static final int USERNAME_ALERT = 20;
    private static final int MAX_TRACKED = 100_000;
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** Why a sign-in is refused before its password is checked, and how long to wait. */
    public record Refusal(Duration retryAfter, String detail) {

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private record PairFailures(int count, Instant lockedUntil, Instant last) {
    }

    /** A token bucket of failures an address may still make; {@code at}: when {@code tokens} was computed. */
    private record Budget(double tokens, Instant at) {
    }

    private record UsernameFailures(int count, Instant since) {
    }

    private final Map<String, PairFailures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Budget> addresses = new ConcurrentHashMap<>();
    private final Map<String, UsernameFailures> usernames = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the attempt when the pair is locked or the address has spent its budget; empty: go ahead. */
    public Optional<Refusal> check(String address, String username) {
        Instant now = clock.instant();
        PairFailures pair = pairs.get(pairKey(address, username));
        if (pair != null && pair.lockedUntil() != null && now.isBefore(pair.lockedUntil())) {
            Refusal r = new Refusal(Duration.between(now, pair.lockedUntil()), null);
            return Optional.of(new Refusal(r.retryAfter(), "Too many failed sign-ins for this username from your "
                    + "address; try again in " + r.retryAfterSeconds() + " seconds"));
        }
        double tokens = tokens(addresses.get(key(address)), now);
        if (tokens < 1) {
            Duration wait = Duration.ofMillis((long) Math.ceil((1 - tokens) * ADDRESS_REFILL.toMillis()));
            Refusal r = new Refusal(wait, null);
            return Optional.of(new Refusal(wait, "Too many failed sign-ins from your address; try again in "
                    + r.retryAfterSeconds() + " seconds"));
        }
        return Optional.empty();
    }

    public void failed(String address, String username) {
        Instant now = clock.instant();
        forgetOld(now);
        pairs.compute(pairKey(address, username), (k, old) -> {
            int count = old == null || old.last().plus(MAX_LOCKOUT).isBefore(now) ? 1 : old.count() + 1;
            Instant lockedUntil = null;
            if (count >= PAIR_FREE_FAILURES) {
                int doublings = Math.min(count - PAIR_FREE_FAILURES, 10);
                Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
                lockedUntil = now.plus(lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout);
            }
            return new PairFailures(count, lockedUntil, now);
        });
        addresses.compute(key(address), (k, old) -> new Budget(tokens(old, now) - 1, now));
        UsernameFailures u = usernames.compute(key(username), (k, old) ->
                old == null || old.since().plus(MAX_LOCKOUT).isBefore(now) ? new UsernameFailures(1, now)
                        : new UsernameFailures(old.count() + 1, old.since()));
        if (u.count() == USERNAME_ALERT) {
            LOG.warning("Sign-in: " + USERNAME_ALERT + " failed attempts for the username '" + key(username)
                    + "' within " + MAX_LOCKOUT.toMinutes() + " minutes, possibly from many addresses; the account"
                    + " is not locked (addresses are throttled one by one)");
        }
    }

    public void succeeded(String address, String username) {
        pairs.remove(pairKey(address, username));
    }

    private static double tokens(Budget budget, Instant now) {
        if (budget == null) {
            return ADDRESS_BURST;
        }
        double refilled = (double) Duration.between(budget.at(), now).toMillis() / ADDRESS_REFILL.toMillis();
        return Math.min(ADDRESS_BURST, budget.tokens() + Math.max(0, refilled));
    }

    private void forgetOld(Instant now) {
        if (pairs.size() + addresses.size() + usernames.size() > MAX_TRACKED) {
            pairs.values().removeIf(f -> f.last().plus(MAX_LOCKOUT).isBefore(now));
            addresses.values().removeIf(b -> tokens(b, now) >= ADDRESS_BURST);
            usernames.values().removeIf(u -> u.since().plus(MAX_LOCKOUT).isBefore(now));
        }
    }

    private static String pairKey(String address, String username) {
        return key(address) + "\n" + key(username);
    }

    private static String key(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
