package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.people.control.Passwords;
import org.switchboard.core.people.entity.User;

/**
 * Checks a username and password against the user table.
 *
 * <p>bcrypt is slow on purpose, and HTTP Basic sends the password with every request, so a successful
 * check is remembered for a short while as a salted SHA-256 of the password, tied to the stored hash:
 * a password change or a different password misses the cache and goes through bcrypt again. The user
 * row itself is read on every request, so a disabled user or a changed role takes effect at once. Every bcrypt
 * check goes through the {@link BcryptBudget}.
 */
@ApplicationScoped
public class Authenticator {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    /** Compared against when the username is unknown, so both cases take as long. */
    private static final String DUMMY_HASH = Passwords.hash("switchboard-dummy-password");

    @PersistenceContext
    EntityManager em;

    @Inject
    BcryptBudget budget;

    /** The user, when the password is right; {@code busy}: the bcrypt budget is spent, nothing was checked. */
    public record Outcome(Optional<User> user, boolean busy) {
        static final Outcome WRONG = new Outcome(Optional.empty(), false);
        static final Outcome BUSY = new Outcome(Optional.empty(), true);
    }

    private final byte[] salt = new SecureRandom().generateSeed(16);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Checks under way: the same credentials arriving together (a burst of parallel requests) share one bcrypt. */
    private final Map<String, CompletableFuture<Optional<Boolean>>> checking = new ConcurrentHashMap<>();

    private record Verified(String storedHash, byte[] digest, Instant until) {
    }

    public Outcome authenticate(String username, String password) {
        String name = username.toLowerCase(Locale.ROOT);
        List<User> found = em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", name)
                .getResultList();
        if (found.isEmpty()) {
            return budget.check(() -> Passwords.matches(password, DUMMY_HASH)).isEmpty() ? Outcome.BUSY : Outcome.WRONG;
        }
        User user = found.get(0);
        Optional<Boolean> matches = passwordMatches(user, password);
        if (matches.isEmpty()) {
            return Outcome.BUSY;
        }
        if (!matches.get() || !user.canLogIn()) {
            return Outcome.WRONG;
        }
        return new Outcome(Optional.of(user), false);
    }

    /** The user of a session, read fresh: empty when they no longer exist or may no longer log in. */
    public Optional<User> active(long userId) {
        User user = em.find(User.class, userId);
        return user == null || !user.canLogIn() ? Optional.empty() : Optional.of(user);
    }

    /** Whether the password is right; empty when the bcrypt budget did not allow the check. */
    private Optional<Boolean> passwordMatches(User user, String password) {
        byte[] digest = digest(password);
        Verified remembered = verified.get(user.getUsername());
        Instant now = Instant.now();
        if (remembered != null && remembered.until().isAfter(now)
                && remembered.storedHash().equals(user.getPasswordHash())
                && MessageDigest.isEqual(remembered.digest(), digest)) {
            return Optional.of(true);
        }
        Optional<Boolean> matches = sharedCheck(user, password, digest);
        if (matches.isEmpty()) {
            return matches;
        }
        if (!matches.get()) {
            verified.remove(user.getUsername());
            return matches;
        }
        verified.put(user.getUsername(), new Verified(user.getPasswordHash(), digest, now.plus(REMEMBER)));
        return matches;
    }

    private Optional<Boolean> sharedCheck(User user, String password, byte[] digest) {
        String key = user.getUsername() + "\n" + user.getPasswordHash() + "\n" + HexFormat.of().formatHex(digest);
        CompletableFuture<Optional<Boolean>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Boolean>> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<Boolean> result = budget.check(() -> Passwords.matches(password, user.getPasswordHash()));
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
