package org.switchboard.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.people.control.Passwords;
import org.switchboard.core.people.entity.User;

/**
 * Checks a username and password against the user table.
 *
 * <p>bcrypt is slow on purpose, and HTTP Basic sends the password with every request, so a successful
 * check is remembered for a short while as a salted SHA-256 of the password, tied to the stored hash:
 * a password change or a different password misses the cache and goes through bcrypt again. The user
 * row itself is read on every request, so a disabled user or a changed role takes effect at once.
 */
@ApplicationScoped
public class Authenticator {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    /** Compared against when the username is unknown, so both cases take as long. */
    private static final String DUMMY_HASH = Passwords.hash("switchboard-dummy-password");

    @PersistenceContext
    EntityManager em;

    private final byte[] salt = new SecureRandom().generateSeed(16);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String storedHash, byte[] digest, Instant until) {
    }

    public Optional<User> authenticate(String username, String password) {
        String name = username.toLowerCase(Locale.ROOT);
        List<User> found = em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", name)
                .getResultList();
        if (found.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        User user = found.get(0);
        if (!passwordMatches(user, password) || !user.canLogIn()) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    private boolean passwordMatches(User user, String password) {
        byte[] digest = digest(password);
        Verified remembered = verified.get(user.getUsername());
        Instant now = Instant.now();
        if (remembered != null && remembered.until().isAfter(now)
                && remembered.storedHash().equals(user.getPasswordHash())
                && MessageDigest.isEqual(remembered.digest(), digest)) {
            return true;
        }
        if (!Passwords.matches(password, user.getPasswordHash())) {
            verified.remove(user.getUsername());
            return false;
        }
        verified.put(user.getUsername(), new Verified(user.getPasswordHash(), digest, now.plus(REMEMBER)));
        return true;
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
