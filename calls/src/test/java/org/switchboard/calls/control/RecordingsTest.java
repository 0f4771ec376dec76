package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.errors.ProblemException;

/** Storing a recording: its hash taken in the one pass that writes it, its type told by its bytes. */
class RecordingsTest {

    @TempDir
    Path data;

    private String previous;

    @BeforeEach
    void dataDirectory() {
        previous = System.getProperty("switchboard.data.dir");
        System.setProperty("switchboard.data.dir", data.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("switchboard.data.dir");
        } else {
            System.setProperty("switchboard.data.dir", previous);
        }
    }

    static byte[] wav(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theStoredFileCarriesTheSha256OfTheBytesSentInLowercaseHex() throws Exception {
        byte[] audio = wav(200_000);
        Recordings recordings = new Recordings();
        Recordings.Stored stored = recordings.store(42, new ByteArrayInputStream(audio), Recordings.AudioType.WAV, 1_000_000);
        assertThat(stored.sha256()).isEqualTo(sha256(audio)).matches("[0-9a-f]{64}");
        assertThat(stored.bytes()).isEqualTo(200_000);
        assertThat(stored.type()).isEqualTo(Recordings.AudioType.WAV);
        assertThat(Files.readAllBytes(recordings.path(stored.file()))).isEqualTo(audio);
        assertThat(recordings.sha256(stored.file())).isEqualTo(stored.sha256());
        assertThat(stored.recording()).isEqualTo(new Call.RecordingFile(stored.file(), "audio/wav", 200_000, stored.sha256()));
    }

    @Test
    void aFileSmallerThanTheTypeSignatureOrNotAudioIsRefusedAndNothingStays() throws Exception {
        Recordings recordings = new Recordings();
        assertThatThrownBy(() -> recordings.store(1, new ByteArrayInputStream("RIFF".getBytes()), null, 100))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> recordings.store(1, new ByteArrayInputStream(wav(2000)), null, 1000))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> recordings.store(1, new ByteArrayInputStream(wav(100)), Recordings.AudioType.OGG, 1000))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
        try (var files = Files.walk(recordings.root())) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theRepresentationDigestIsTheBase64OfTheHashBytes() throws Exception {
        byte[] audio = wav(100);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(audio);
        assertThat(Recordings.reprDigest(sha256(audio)))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
        // the SHA-256 of no bytes, a published value
        assertThat(Recordings.reprDigest("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isEqualTo("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    }

    @Test
    void aFetchIsANewListenOnlyHalfAnHourAfterTheUsersLastOne() {
        Instant last = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(Listens.isNewListen(null, last)).isTrue();
        assertThat(Listens.isNewListen(last, last)).isFalse();
        assertThat(Listens.isNewListen(last, last.plusSeconds(29 * 60 + 59))).isFalse();
        assertThat(Listens.isNewListen(last, last.plusSeconds(30 * 60))).isTrue();
    }

    @Test
    void aRangeFromAnyByteIsServedAndOutsideTheFileRefused() {
        assertThat(Recordings.Range.parse("bytes=1-", 1000)).isEqualTo(new Recordings.Range(1, 999));
        assertThat(Recordings.Range.parse("bytes=-50", 1000)).isEqualTo(new Recordings.Range(950, 999));
        assertThat(Recordings.Range.parse(null, 1000)).isNull();
        assertThatThrownBy(() -> Recordings.Range.parse("bytes=1000-", 1000)).isInstanceOf(Recordings.Unsatisfiable.class);
    }
}
