package org.switchboard.core.people.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Password hashing with bcrypt. Passwords are never stored, logged or returned. */
public final class Passwords {

    /** Cost 10: about 50–100 ms a hash on the target machines; verified results are cached by the authenticator. */
    static final int COST = 10;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 200;
    /** The passwords every guessing list starts with, and the ones this product would suggest. */
    private static final Set<String> COMMON = Set.of("password", "password1", "12345678", "123456789", "1234567890",
            "qwertyui", "qwerty123", "11111111", "00000000", "iloveyou", "admin123", "adminadmin", "administrator",
            "changeme", "letmein1", "welcome1", "switchboard", "passw0rd", "p@ssw0rd", "abcd1234", "1q2w3e4r");

    private Passwords() {
    }

    /**
     * The password policy, for every password a person or the installer chooses: {@value #MIN_LENGTH} to
     * {@value #MAX_LENGTH} characters, not the username, not one of the commonest passwords. Answers what is wrong,
     * or empty when the password is acceptable.
     */
    public static Optional<String> weakness(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the username");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("is too easy to guess; choose a longer, less common one");
        }
        return Optional.empty();
    }

    public static String hash(String password) {
        return BCrypt.with(LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A)).hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        // bcrypt reads at most 72 bytes: longer passwords are hashed and checked on their first 72
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A))
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
