package org.switchboard.core.privacy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.security.SecureRandom;

/**
 * One erasure in progress: whose, when, by whom, and the pseudonyms that stand in for the person's values where a
 * column cannot be empty or a figure counts distinct values (dials per number, the numbers a lead was backed by).
 * A pseudonym is random (nothing about the number can be computed back from it) and the same for the same value
 * throughout one erasure, so the relations between tables survive while the value does not.
 */
public final class Erasure {

    /** What erased free text is replaced by where a column keeps its place (a trail entry, an e-mail). */
    public static final String ERASED = "[erased]";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSubject subject;
    private final Instant at;
    private final String by;
    private final Map<String, String> pseudonyms = new HashMap<>();

    public Erasure(DataSubject subject, Instant at, String by) {
        this.subject = subject;
        this.at = at;
        this.by = by;
    }

    public DataSubject subject() {
        return subject;
    }

    public long contactId() {
        return subject.contactId();
    }

    public Instant at() {
        return at;
    }

    public String by() {
        return by;
    }

    /** A stand-in of at most 18 characters for {@code value}, e.g. {@code x-1f9c0a7b33d2e6c4}; the same within this erasure. */
    public String pseudonym(String value) {
        return pseudonyms.computeIfAbsent(value, v -> {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            return "x-" + HexFormat.of().formatHex(bytes);
        });
    }
}
