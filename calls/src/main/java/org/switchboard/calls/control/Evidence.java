package org.switchboard.calls.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of a PBX record's evidence, the one a client can re-derive (README, "Evidence integrity").
 * <ul>
 * <li>A record's line: its 16 evidence fields in {@link #FIELDS} order, separated by TAB; a null field is
 * {@code \N}; in text, backslash, TAB, LF and CR are written {@code \\ \t \n \r}; times are UTC instants as
 * ISO-8601 ({@code 2026-11-02T06:15:00Z}); numbers in decimal; the disposition as stored ({@code NO_ANSWER}).</li>
 * <li>{@code recordHash} = hex SHA-256 of the line's UTF-8 bytes.</li>
 * <li>{@code recordsHash(day)} = hex SHA-256 of the ASCII text made of each record's hash followed by LF, the records
 * ordered by identity (Unicode code points).</li>
 * <li>{@code chainHash(day)} = hex SHA-256 of the ASCII text previous chain hash + recordsHash(day), where the previous
 * one is that of the closest earlier sealed day, or 64 zeros for the first.</li>
 * </ul>
 */
public final class Evidence {

    public static final List<String> FIELDS = List.of("identity", "uniqueid", "sequence", "linkedid", "accountcode", "src",
            "dst", "clid", "channel", "dstchannel", "started_at", "answered_at", "ended_at", "duration_seconds",
            "talk_seconds", "disposition");
    /** The chain's start: what the first sealed day chains to. */
    public static final String GENESIS = "0".repeat(64);
    /** The columns of calls_call, in canonical order, for a SELECT. */
    public static final String COLUMNS = String.join(", ", FIELDS);

    /** Orders identities by Unicode code point (= UTF-8 byte order), whatever the database's collation; null first. */
    public static final Comparator<String> IDENTITY_ORDER = Comparator.nullsFirst((a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    });

    private Evidence() {
    }

    /** One record's evidence fields as stored, in canonical order (values: String, Integer or Instant, or null). */
    public record Record(List<Object> values) {

        public Record {
            if (values.size() != FIELDS.size()) {
                throw new IllegalArgumentException("a record has " + FIELDS.size() + " evidence fields");
            }
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Record of(String identity, String uniqueid, Integer sequence, String linkedid, String accountcode,
                String src, String dst, String clid, String channel, String dstchannel, Instant startedAt,
                Instant answeredAt, Instant endedAt, Integer durationSeconds, Integer talkSeconds, String disposition) {
            return new Record(java.util.Arrays.asList(identity, uniqueid, sequence, linkedid, accountcode, src, dst, clid,
                    channel, dstchannel, startedAt, answeredAt, endedAt, durationSeconds, talkSeconds, disposition));
        }

        /** Reads the {@link #COLUMNS} starting at column {@code first} of the current row. */
        public static Record read(ResultSet rs, int first) throws SQLException {
            List<Object> values = new ArrayList<>(FIELDS.size());
            for (int i = 0; i < FIELDS.size(); i++) {
                int column = first + i;
                Object value = switch (FIELDS.get(i)) {
                    case "sequence", "duration_seconds", "talk_seconds" -> {
                        int n = rs.getInt(column);
                        yield rs.wasNull() ? null : n;
                    }
                    case "started_at", "answered_at", "ended_at" -> {
                        Timestamp t = rs.getTimestamp(column);
                        yield t == null ? null : t.toInstant();
                    }
                    default -> rs.getString(column);
                };
                values.add(value);
            }
            return new Record(values);
        }

        public String identity() {
            return (String) values.get(0);
        }

        public String line() {
            return Evidence.line(values);
        }

        public String hash() {
            return sha256(line());
        }

        /** The first evidence field whose value differs from the other record's, or null when none does. */
        public String firstDifference(Record other) {
            for (int i = 0; i < FIELDS.size(); i++) {
                if (!text(values.get(i)).equals(text(other.values.get(i)))) {
                    return FIELDS.get(i);
                }
            }
            return null;
        }

        public String valueOf(String field) {
            Object v = values.get(FIELDS.indexOf(field));
            return v == null ? null : String.valueOf(v);
        }
    }

    /** The canonical line of these values (no line terminator). */
    public static String line(List<?> values) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(text(values.get(i)));
        }
        return line.toString();
    }

    static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A day's records hash from its records' (identity, record hash) pairs, in any order. */
    public static String recordsHash(List<String[]> identityAndHash) {
        List<String[]> sorted = new ArrayList<>(identityAndHash);
        sorted.sort(Comparator.comparing((String[] p) -> p[0], IDENTITY_ORDER).thenComparing(p -> p[1]));
        MessageDigest digest = sha256();
        for (String[] pair : sorted) {
            digest.update((pair[1] + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String chainHash(String previousChainHash, String recordsHash) {
        return sha256((previousChainHash == null ? GENESIS : previousChainHash) + recordsHash);
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
