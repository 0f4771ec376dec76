package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.errors.ProblemException;

/**
 * Recording files on disk under {@code <data directory>/recordings/YYYY/MM/}, with names the server makes
 * (never a client's path). The audio type is told by the file's first bytes, not by what the client says.
 */
@ApplicationScoped
public class Recordings {

    /** A recording's audio type. */
    public enum AudioType {
        WAV("audio/wav", "wav"), MP3("audio/mpeg", "mp3"), OGG("audio/ogg", "ogg");

        public final String mediaType;
        public final String extension;

        AudioType(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The type these first bytes are, if audio of a kind Switchboard keeps. */
        public static Optional<AudioType> sniff(byte[] head) {
            if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                    && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E') {
                return Optional.of(WAV);
            }
            if (head.length >= 4 && head[0] == 'O' && head[1] == 'g' && head[2] == 'g' && head[3] == 'S') {
                return Optional.of(OGG);
            }
            if (head.length >= 3 && ((head[0] == 'I' && head[1] == 'D' && head[2] == '3')
                    || ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0))) {
                return Optional.of(MP3);
            }
            return Optional.empty();
        }

        public static Optional<AudioType> ofMediaType(String mediaType) {
            if (mediaType == null) {
                return Optional.empty();
            }
            String m = mediaType.toLowerCase(Locale.ROOT);
            if (m.startsWith("audio/wav") || m.startsWith("audio/x-wav") || m.startsWith("audio/wave")) {
                return Optional.of(WAV);
            }
            if (m.startsWith("audio/mpeg") || m.startsWith("audio/mp3")) {
                return Optional.of(MP3);
            }
            if (m.startsWith("audio/ogg")) {
                return Optional.of(OGG);
            }
            return Optional.empty();
        }
    }

    /** A stored file: its path relative to the recordings directory, type, size and SHA-256 (lowercase hex). */
    public record Stored(String file, AudioType type, long bytes, String sha256) {

        public Call.RecordingFile recording() {
            return new Call.RecordingFile(file, type.mediaType, bytes, sha256);
        }
    }

    /** The data directory, resolved as the server's datasource resolves it. */
    public static Path dataDirectory() {
        String dir = System.getProperty("switchboard.data.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("SWITCHBOARD_DATA_DIR");
        }
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("user.home") + "/.switchboard";
        }
        return Path.of(dir);
    }

    public Path root() {
        return dataDirectory().resolve("recordings");
    }

    /**
     * Copies an upload to the recordings directory, refusing it when it is larger than {@code maxBytes}, is not
     * audio, or is other audio than {@code declared} says. The SHA-256 and the first bytes (for the type) are taken
     * from the stream as it is written: the file is read once, from the client.
     */
    public Stored store(long callId, InputStream body, AudioType declared, long maxBytes) {
        Path temp = null;
        try {
            Files.createDirectories(root());
            temp = Files.createTempFile(root(), "upload-", ".part");
            Copied copied = copyAtMost(body, temp, maxBytes);
            if (copied.size() == 0) {
                throw ProblemException.badRequest("The recording is empty");
            }
            AudioType actual = AudioType.sniff(copied.head()).orElseThrow(() -> new ProblemException(415, "Not audio",
                    "The file is not WAV, MP3 or Ogg audio", java.util.List.of(), null));
            if (declared != null && declared != actual) {
                throw new ProblemException(415, "Wrong audio type", "The file is " + actual.mediaType + ", not "
                        + declared.mediaType + " as the Content-Type says", java.util.List.of(), null);
            }
            LocalDate today = LocalDate.now();
            String relative = String.format("%04d/%02d/%d-%s.%s", today.getYear(), today.getMonthValue(), callId,
                    UUID.randomUUID(), actual.extension);
            Path target = root().resolve(relative);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            return new Stored(relative, actual, copied.size(), copied.sha256());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the recording: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file in our own directory
                }
            }
        }
    }

    /** What one pass over an upload learnt: its size, first bytes and SHA-256. */
    record Copied(long size, byte[] head, String sha256) {
    }

    static Copied copyAtMost(InputStream body, Path target, long maxBytes) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[64 * 1024];
        byte[] head = new byte[HEAD];
        int headLength = 0;
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(413, "Recording too large", "A recording may have at most " + maxBytes
                            + " bytes (setting recordingMaxBytes)", java.util.List.of(), null);
                }
                if (headLength < HEAD) {
                    int take = Math.min(HEAD - headLength, n);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Copied(total, Arrays.copyOf(head, headLength), HexFormat.of().formatHex(digest.digest()));
    }

    private static final int HEAD = 12;

    /** The SHA-256 of a file already stored (for recordings kept before hashes were): one read of the file. */
    public String sha256(String relative) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path(relative)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The RFC 9530 {@code Repr-Digest} field value of a SHA-256 given in hex: {@code sha-256=:<base64>:}. */
    public static String reprDigest(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public Path path(String relative) {
        Path path = root().resolve(relative).normalize();
        if (!path.startsWith(root())) {
            throw new IllegalStateException("A recording path left the recordings directory: " + relative);
        }
        return path;
    }

    /**
     * Removes a file: only one this request has just stored and that was not kept (a refused or repeated upload),
     * or one whose contact was erased. A replaced recording is never deleted; it stays as a version.
     */
    public void delete(String relative) {
        try {
            Files.deleteIfExists(path(relative));
        } catch (IOException e) {
            // an unreferenced file only wastes space
        }
    }

    /** Writes bytes {@code first..last} (inclusive) of a file. */
    public static void copyRange(Path file, long first, long last, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = first;
            long remaining = last - first + 1;
            while (remaining > 0) {
                long sent = channel.transferTo(position, remaining, target);
                if (sent <= 0) {
                    break;
                }
                position += sent;
                remaining -= sent;
            }
            out.flush();
        }
    }

    /** A byte range of a file of {@code size} bytes, or empty when the header asks for none we can serve. */
    public record Range(long first, long last) {

        public long length() {
            return last - first + 1;
        }

        /**
         * Reads {@code bytes=a-b}, {@code bytes=a-} and {@code bytes=-n}. Returns null for no (or an unusable)
         * header — the whole file is sent — and throws {@link Unsatisfiable} when the range lies outside the file.
         */
        public static Range parse(String header, long size) {
            if (header == null || !header.trim().toLowerCase(Locale.ROOT).startsWith("bytes=")) {
                return null;
            }
            String spec = header.trim().substring(6).trim();
            if (spec.contains(",")) {
                spec = spec.substring(0, spec.indexOf(',')).trim();
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            try {
                String a = spec.substring(0, dash).trim();
                String b = spec.substring(dash + 1).trim();
                if (a.isEmpty()) {
                    long suffix = Long.parseLong(b);
                    if (suffix <= 0 || size == 0) {
                        throw new Unsatisfiable();
                    }
                    return new Range(Math.max(0, size - suffix), size - 1);
                }
                long first = Long.parseLong(a);
                long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (first >= size || first > last) {
                    throw new Unsatisfiable();
                }
                return new Range(first, last);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** The requested range lies outside the file (HTTP 416). */
    public static final class Unsatisfiable extends RuntimeException {
        public Unsatisfiable() {
            super("range not satisfiable", null, false, false);
        }
    }

}
