package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.errors.ProblemException;

/** What the API refuses before an upload is even read. */
class RecordingAttachmentsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Call.RecordingFile FILE = new Call.RecordingFile("f.wav", "audio/wav", 10, "ab".repeat(32));

    private static Call call() {
        return Call.loggedInbound("op1", "101", "+78124483454", null, "ADS", 7L, T0);
    }

    @Test
    void aCallWithoutRecordingTakesOneWithOrWithoutAReason() {
        assertThatCode(() -> RecordingAttachments.checkManual(call(), null)).doesNotThrowAnyException();
        assertThatCode(() -> RecordingAttachments.checkManual(call(), "the PBX lost it")).doesNotThrowAnyException();
    }

    @Test
    void replacingAManualRecordingWithoutAReasonIsAViolationOfReason() {
        Call call = call();
        call.attachManually(FILE, "supervisor", T0, null);
        assertThatThrownBy(() -> RecordingAttachments.checkManual(call, "  "))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("reason");
                });
        assertThatThrownBy(() -> RecordingAttachments.checkManual(call, "x".repeat(1001)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatCode(() -> RecordingAttachments.checkManual(call, "wrong call")).doesNotThrowAnyException();
    }

    @Test
    void thePbxRecordingIsAConflictWhateverTheReason() {
        Call call = call();
        call.attachFromPbx(FILE, "admin", T0, null);
        assertThatThrownBy(() -> RecordingAttachments.checkManual(call, "I have a better one"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("PBX's recording").contains("cannot be replaced");
                });
    }
}
