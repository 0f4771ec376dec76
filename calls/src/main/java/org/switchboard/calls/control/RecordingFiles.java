package org.switchboard.calls.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recording file names as FreePBX's MixMonitor writes them:
 * {@code {kind}-{other party}-{extension}-{YYYYMMDD}-{HHMMSS}-{uniqueid}.wav} — the uniqueid ties a file to
 * its call record. Only the name is read; the path a client sent is never used.
 */
public final class RecordingFiles {

    private static final Pattern NAME = Pattern.compile(
            "^(?:.*[/\\\\])?[^-/\\\\]+-.*-\\d{8}-\\d{6}-(\\d+(?:\\.\\d+)?)\\.(?i:wav|mp3|ogg)$");

    private RecordingFiles() {
    }

    /** The uniqueid in a FreePBX recording file name. */
    public static Optional<String> uniqueid(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
