package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.switchboard.calls.entity.Call;

/** Ties a stored recording to its call, one file per transaction, so one bad file spoils nothing else. */
@ApplicationScoped
public class RecordingAttachments {

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    CallFacts facts;

    /** @return the file the call had before, to be removed */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String attach(long callId, Recordings.Stored stored) {
        Call call = em.find(Call.class, callId);
        String previous = call.getRecordingFile();
        call.attachRecording(stored.file(), stored.type().mediaType, stored.bytes());
        facts.announce(java.util.List.of(callId));
        return previous;
    }
}
