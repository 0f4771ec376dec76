package org.switchboard.calls.control;

import java.util.Locale;
import java.util.Optional;

/**
 * Recording file names as FreePBX's MixMonitor writes them:
 * {@code {kind}-{other party}-{extension}-{YYYYMMDD}-{HHMMSS}-{uniqueid}.wav} — the uniqueid ties a file to
 * its call record. Only the name is read; the path a client sent is never used. The name is taken apart from its end,
 * in time linear in its length (a client sends it; the regular expression this replaced had three unbounded
 * wildcards in a row and backtracked polynomially on long names).
 */
public final class RecordingFiles {

    private RecordingFiles() {
    }

    /** The uniqueid in a FreePBX recording file name. */
    public static Optional<String> uniqueid(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String path = fileName.trim();
        if (path.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
            return Optional.empty();
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !Set.EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        int dash = name.lastIndexOf('-', dot);
        String uniqueid = dash < 0 ? "" : name.substring(dash + 1, dot);
        if (!isUniqueid(uniqueid)) {
            return Optional.empty();
        }
        // before the uniqueid: -{YYYYMMDD}-{HHMMSS}-, and before that a {kind}-… of at least one character and a dash
        int time = dash - 6;
        int date = time - 9;
        if (date < 1 || !digits(name, time, dash) || name.charAt(time - 1) != '-' || !digits(name, date, time - 1)
                || name.charAt(date - 1) != '-') {
            return Optional.empty();
        }
        int firstDash = name.indexOf('-');
        return firstDash >= 1 && firstDash < date - 1 ? Optional.of(uniqueid) : Optional.empty();
    }

    /** Digits, optionally a point and more digits: {@code 1700000000.42}. */
    private static boolean isUniqueid(String s) {
        int point = s.indexOf('.');
        if (point < 0) {
            return !s.isEmpty() && digits(s, 0, s.length());
        }
        return point > 0 && point < s.length() - 1 && digits(s, 0, point) && digits(s, point + 1, s.length());
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return from < to;
    }

    private static final class Set {
        static final java.util.Set<String> EXTENSIONS = java.util.Set.of("wav", "mp3", "ogg");
    }
}
