package org.switchboard.calls.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One Asterisk call-detail record as {@code cdr_csv} writes it to {@code Master.csv} (DOMAIN.md): 16 columns,
 * then {@code uniqueid}, {@code userfield}, {@code peeraccount}, {@code linkedid}, {@code sequence} when the PBX
 * logs them — 16 to 21 columns. Times are the PBX's local time.
 */
public record Cdr(String accountcode, String src, String dst, String dcontext, String clid, String channel,
        String dstchannel, String lastapp, String lastdata, LocalDateTime start, LocalDateTime answer, LocalDateTime end,
        int duration, int billsec, Disposition disposition, String amaflags, String uniqueid, String userfield,
        String peeraccount, String linkedid, Integer sequence) {

    /** Who called whom, from the operator's side. */
    public enum Direction {
        IN, OUT
    }

    public enum Disposition {
        ANSWERED, NO_ANSWER, BUSY, FAILED, CONGESTION;

        public static Disposition of(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            try {
                return valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new BadRecord("disposition '" + text + "' is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION");
            }
        }

        public String asterisk() {
            return this == NO_ANSWER ? "NO ANSWER" : name();
        }
    }

    /** A line that is not a call record, and why. */
    public static final class BadRecord extends IllegalArgumentException {
        public BadRecord(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Reads the fields of one {@code Master.csv} line. */
    public static Cdr parse(List<String> f) {
        if (f.size() < 16 || f.size() > 21) {
            throw new BadRecord("expected 16 to 21 columns, found " + f.size());
        }
        LocalDateTime start = time("start", f.get(9), true);
        LocalDateTime answer = time("answer", f.get(10), false);
        LocalDateTime end = time("end", f.get(11), true);
        int duration = seconds("duration", f.get(12));
        int billsec = seconds("billsec", f.get(13));
        Disposition disposition = Disposition.of(f.get(14));
        if (end.isBefore(start)) {
            throw new BadRecord("end " + f.get(11) + " is before start " + f.get(9));
        }
        Integer sequence = null;
        if (f.size() >= 21 && !f.get(20).isBlank()) {
            try {
                sequence = Integer.valueOf(f.get(20).trim());
            } catch (NumberFormatException e) {
                throw new BadRecord("sequence '" + f.get(20) + "' is not a whole number");
            }
        }
        return new Cdr(text(f, 0), text(f, 1), text(f, 2), text(f, 3), text(f, 4), text(f, 5), text(f, 6), text(f, 7),
                text(f, 8), start, answer, end, duration, billsec, disposition, text(f, 15), text(f, 16), text(f, 17),
                text(f, 18), text(f, 19), sequence);
    }

    /**
     * What makes a record unique: its {@code uniqueid} with its {@code sequence} when present; without a
     * {@code uniqueid} (16-column files), a digest of channel, start, source and destination.
     */
    public String identity() {
        if (uniqueid != null) {
            return sequence == null ? uniqueid : uniqueid + "#" + sequence;
        }
        String basis = channel + "|" + start + "|" + src + "|" + dst;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "derived:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The endpoint of a channel name: {@code PJSIP/101-0000001a} → {@code 101}; {@code Local/102@ctx-0001;1} → {@code 102}. */
    public static String endpoint(String channel) {
        if (channel == null) {
            return null;
        }
        int slash = channel.indexOf('/');
        String rest = slash < 0 ? channel : channel.substring(slash + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            return rest.substring(0, at);
        }
        int dash = rest.lastIndexOf('-');
        return dash > 0 ? rest.substring(0, dash) : rest;
    }

    private static String text(List<String> f, int i) {
        if (i >= f.size()) {
            return null;
        }
        String v = f.get(i);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static LocalDateTime time(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadRecord(name + " is empty");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), TIME);
        } catch (DateTimeParseException e) {
            throw new BadRecord(name + " '" + value + "' is not a time YYYY-MM-DD HH:MM:SS");
        }
    }

    private static int seconds(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new BadRecord(name + " " + n + " is negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRecord(name + " '" + value + "' is not a whole number of seconds");
        }
    }
}
