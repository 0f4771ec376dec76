package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.RecordingVersion;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.time.AppClock;

/**
 * Ties a stored recording to its call under the rules of evidence (DOMAIN.md): the PBX's recording (and one kept
 * before origins were) is never replaced; a person attaches one where none is, or replaces one a person attached
 * when they say why; a replaced file is kept as a version; every manual change goes to the tamper trail. Each change
 * holds the call's row lock, so two uploads for one call run one after the other.
 */
@ApplicationScoped
public class RecordingAttachments {

    /** The reason a version carries when the PBX's file superseded a manually attached one. */
    public static final String SUPERSEDED_BY_PBX = "superseded by the recording the PBX delivered";
    static final int REASON_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallFacts facts;

    @Inject
    TamperTrail trail;

    @Inject
    AppClock clock;

    @Inject
    Recordings recordings;

    @Inject
    RecordingHashes hashes;

    /** What became of one file of a recordings import. */
    public enum PbxOutcome {
        /** the file is now the call's recording */
        ATTACHED,
        /** the call already has exactly this file from the PBX */
        UNCHANGED,
        /** the call already has another file from the PBX; the stored one is kept */
        REJECTED
    }

    public record PbxResult(PbxOutcome outcome, String reason) {
    }

    /**
     * Whether a person may attach a recording to this call as it is now: 409 when the current one is evidence, a
     * violation of {@code reason} when a manually attached one would be replaced without saying why.
     */
    public static void checkManual(Call call, String reason) {
        if (call.hasEvidenceRecording()) {
            throw ProblemException.conflict("The recording of call " + call.getId() + " is the PBX's recording ("
                    + call.getRecordingOrigin() + "): it is evidence and cannot be replaced");
        }
        if (call.hasRecording() && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required to replace a recording a person attached: say why"
                    + " (the previous file is kept as a version)");
        }
        if (reason != null && reason.strip().length() > REASON_MAX) {
            throw ProblemException.invalid("reason", "must be at most " + REASON_MAX + " characters");
        }
    }

    /**
     * A person's upload, already stored: attached where none is, or replacing the manual one (kept as a version),
     * in the caller's transaction, with its tamper-trail entry. The same bytes as the current file change nothing.
     * A refused file is removed again.
     */
    public Call attachManually(Call call, Recordings.Stored stored, String by, String reason) {
        em.refresh(call, LockModeType.PESSIMISTIC_WRITE);
        try {
            checkManual(call, reason);
        } catch (ProblemException e) {
            recordings.delete(stored.file());
            throw e;
        }
        if (call.hasRecording() && stored.sha256().equals(call.getRecordingSha256())) {
            recordings.delete(stored.file());
            return call;
        }
        String before = call.getRecordingSha256();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Instant now = clock.now();
        RecordingVersion previous = call.attachManually(stored.recording(), by, now, why);
        if (previous != null) {
            em.persist(previous);
        }
        trail.record(Tamper.of(previous == null ? TamperKind.RECORDING_ATTACHED : TamperKind.RECORDING_REPLACED,
                "recording", call.getId(), call.getCampaign(), call.getClientId(), call.getOperator(), "sha256",
                before, stored.sha256(), why));
        facts.announce(List.of(call.getId()));
        return call;
    }

    /**
     * A file the PBX delivered (the recordings import), one per transaction so one bad file spoils nothing else. The
     * caller removes the stored file unless the answer is {@link PbxOutcome#ATTACHED}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PbxResult attachFromPbx(long callId, Recordings.Stored stored, String by) {
        Call call = em.find(Call.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call.hasEvidenceRecording()) {
            String current = hashes.of(call);
            if (stored.sha256().equals(current)) {
                return new PbxResult(PbxOutcome.UNCHANGED, null);
            }
            return new PbxResult(PbxOutcome.REJECTED, "call " + callId + " already has the PBX's recording ("
                    + call.getRecordingOrigin() + (current == null ? "" : ", SHA-256 " + current)
                    + "); a different file never replaces it, the stored one is kept");
        }
        RecordingVersion previous = call.attachFromPbx(stored.recording(), by, clock.now(), SUPERSEDED_BY_PBX);
        if (previous != null) {
            em.persist(previous);
        }
        facts.announce(List.of(callId));
        return new PbxResult(PbxOutcome.ATTACHED, null);
    }

    /** The recordings a call had before its current one, the latest replaced first. */
    public List<RecordingVersion> versions(long callId) {
        return em.createQuery("SELECT v FROM RecordingVersion v WHERE v.callId = :id ORDER BY v.replacedAt DESC, v.id DESC",
                RecordingVersion.class).setParameter("id", callId).getResultList();
    }
}
