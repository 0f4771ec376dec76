package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.calls.entity.Call;

/**
 * SHA-256s of recordings stored before hashes were kept. New files are hashed while they are written
 * ({@link Recordings#store}); an older one is hashed once — by {@link RecordingHashBackfill} after the start, or on
 * its first use before that — and the hash is kept. A derived value, so the call's version does not move.
 */
@ApplicationScoped
public class RecordingHashes {

    private static final Logger LOG = Logger.getLogger(RecordingHashes.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Recordings recordings;

    /** The hash of the call's current recording: null without one, or when its file is missing. */
    public String of(Call call) {
        if (!call.hasRecording()) {
            return null;
        }
        return call.getRecordingSha256() != null ? call.getRecordingSha256() : fill(call.getId(), call.getRecordingFile());
    }

    /** Hashes a stored file and keeps the hash on its call (if the call still has that file and no hash yet). */
    public String fill(long callId, String file) {
        String sha256;
        try {
            sha256 = recordings.sha256(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The recording of call " + callId + " cannot be read to hash it: " + e.getMessage());
            return null;
        }
        em.createNativeQuery("UPDATE calls_call SET recording_sha256 = ?1 WHERE id = ?2 AND recording_file = ?3"
                + " AND recording_sha256 IS NULL").setParameter(1, sha256).setParameter(2, callId)
                .setParameter(3, file).executeUpdate();
        return sha256;
    }

    /** Up to {@code limit} calls after {@code afterId} whose recording has no hash yet: id and file. */
    @SuppressWarnings("unchecked")
    public List<Object[]> unhashed(long afterId, int limit) {
        return em.createNativeQuery("SELECT id, recording_file FROM calls_call WHERE recording_file IS NOT NULL"
                + " AND recording_sha256 IS NULL AND id > ?1 ORDER BY id").setParameter(1, afterId)
                .setMaxResults(limit).getResultList();
    }
}
