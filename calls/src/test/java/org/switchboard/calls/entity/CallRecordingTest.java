package org.switchboard.calls.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A call's recording under the rules of evidence: who may attach, replace, and what is kept. */
class CallRecordingTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-01T11:00:00Z");
    static final Call.RecordingFile FIRST = new Call.RecordingFile("2026/12/1-a.wav", "audio/wav", 400, "aa".repeat(32));
    static final Call.RecordingFile SECOND = new Call.RecordingFile("2026/12/1-b.wav", "audio/wav", 500, "bb".repeat(32));

    private static Call call() {
        return Call.loggedInbound("op1", "101", "+78124483454", null, "ADS", 7L, T0);
    }

    @Test
    void aPersonAttachesWhereNoneIsAndNothingIsKeptBecauseNothingWasThere() {
        Call call = call();
        assertThat(call.attachManually(FIRST, "supervisor", T0, null)).isNull();
        assertThat(call.getRecordingOrigin()).isEqualTo(Call.RecordingOrigin.MANUAL);
        assertThat(call.getRecordingSha256()).isEqualTo(FIRST.sha256());
        assertThat(call.getRecordingStoredBy()).isEqualTo("supervisor");
        assertThat(call.getRecordingStoredAt()).isEqualTo(T0);
        assertThat(call.getRecordingManualAt()).isEqualTo(T0);
        assertThat(call.hasEvidenceRecording()).isFalse();
    }

    @Test
    void replacingAManualRecordingNeedsAReasonAndKeepsThePreviousFileAsAVersion() {
        Call call = call();
        call.attachManually(FIRST, "supervisor", T0, null);
        assertThatThrownBy(() -> call.attachManually(SECOND, "admin", T1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(call.getRecordingFile()).isEqualTo(FIRST.file());

        RecordingVersion previous = call.attachManually(SECOND, "admin", T1, " wrong file ");
        assertThat(previous.getFile()).isEqualTo(FIRST.file());
        assertThat(previous.getSha256()).isEqualTo(FIRST.sha256());
        assertThat(previous.getBytes()).isEqualTo(400);
        assertThat(previous.getOrigin()).isEqualTo(Call.RecordingOrigin.MANUAL);
        assertThat(previous.getStoredBy()).isEqualTo("supervisor");
        assertThat(previous.getStoredAt()).isEqualTo(T0);
        assertThat(previous.getReplacedBy()).isEqualTo("admin");
        assertThat(previous.getReplacedAt()).isEqualTo(T1);
        assertThat(previous.getReason()).isEqualTo("wrong file");
        assertThat(call.getRecordingSha256()).isEqualTo(SECOND.sha256());
        assertThat(call.getRecordingManualAt()).isEqualTo(T1);
    }

    @Test
    void thePbxRecordingIsEvidenceNobodyReplaces() {
        Call call = call();
        assertThat(call.attachFromPbx(FIRST, "admin", T0, "superseded")).isNull();
        assertThat(call.getRecordingOrigin()).isEqualTo(Call.RecordingOrigin.PBX);
        assertThat(call.hasEvidenceRecording()).isTrue();
        assertThat(call.getRecordingManualAt()).isNull();
        assertThatThrownBy(() -> call.attachManually(SECOND, "admin", T1, "better")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> call.attachFromPbx(SECOND, "admin", T1, "again")).isInstanceOf(IllegalStateException.class);
        assertThat(call.getRecordingFile()).isEqualTo(FIRST.file());
    }

    @Test
    void thePbxFileSupersedesAManualOneWhichIsKeptAndTheManualMarkStays() {
        Call call = call();
        call.attachManually(FIRST, "supervisor", T0, null);
        RecordingVersion previous = call.attachFromPbx(SECOND, "admin", T1, "superseded by the PBX");
        assertThat(previous.getOrigin()).isEqualTo(Call.RecordingOrigin.MANUAL);
        assertThat(previous.getReason()).isEqualTo("superseded by the PBX");
        assertThat(call.getRecordingOrigin()).isEqualTo(Call.RecordingOrigin.PBX);
        assertThat(call.getRecordingManualAt()).isEqualTo(T0);
    }

    @Test
    void legacyRecordingsAreEvidenceLikeThePbxs() {
        assertThat(Call.RecordingOrigin.LEGACY.isEvidence()).isTrue();
        assertThat(Call.RecordingOrigin.PBX.isEvidence()).isTrue();
        assertThat(Call.RecordingOrigin.MANUAL.isEvidence()).isFalse();
    }
}
