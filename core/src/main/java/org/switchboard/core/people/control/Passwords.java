package org.switchboard.core.people.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/** Password hashing with bcrypt. Passwords are never stored, logged or returned. */
public final class Passwords {

    /** Cost 10: about 50–100 ms a hash on the target machines; verified results are cached by the authenticator. */
    static final int COST = 10;
    public static final int MIN_LENGTH = 8;

    private Passwords() {
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
