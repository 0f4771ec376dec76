package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.switchboard.calls.boundary.CallView;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.events.ContactErased;
import org.switchboard.core.events.ContactsMerged;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.privacy.PersonalData;

/**
 * What the calls module does when contacts change as people: calls follow a merged contact to the one it was
 * folded into; an erased contact's calls lose the number, caller name and recordings, the kept versions too (the call
 * and its talk time stay for the statistics; the days of its PBX records are sealed again); an access request lists
 * the contact's calls.
 */
@ApplicationScoped
public class ContactPrivacy implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    Recordings recordings;

    @Inject
    CallFacts facts;

    @Inject
    DayChain chain;

    @Inject
    TamperTrail trail;

    void merged(@Observes ContactsMerged event) {
        List<Call> moved = em.createQuery("SELECT c FROM Call c WHERE c.contactId = :id", Call.class)
                .setParameter("id", event.mergedId()).getResultList();
        // a merge moves calls to another contact: whose calls they count for is evidence, so each move is kept
        for (Call call : moved) {
            trail.record(Tamper.of(TamperKind.CALL_MERGED, "call", call.getId(), call.getCampaign(), call.getClientId(),
                    call.getOperator(), "contactId", event.mergedId(), event.survivorId(), "contacts merged"));
        }
        em.createQuery("UPDATE Call c SET c.contactId = :survivor WHERE c.contactId = :merged")
                .setParameter("survivor", event.survivorId()).setParameter("merged", event.mergedId()).executeUpdate();
        facts.announce(moved.stream().map(Call::getId).toList());
    }

    private List<Long> callsOf(long contactId) {
        return em.createQuery("SELECT c.id FROM Call c WHERE c.contactId = :id", Long.class)
                .setParameter("id", contactId).getResultList();
    }

    void erased(@Observes ContactErased event) {
        List<Call> calls = em.createQuery("SELECT c FROM Call c WHERE c.contactId = :id", Call.class)
                .setParameter("id", event.contactId()).getResultList();
        // the caller's number and name leave the PBX records too: their days are sealed again, and say why
        chain.noteCalls(calls.stream().map(Call::getId).toList(), DayChain.ERASED);
        // erasure is the one path that removes recordings: the current file and every kept version
        for (Call call : calls) {
            if (call.getRecordingFile() != null) {
                recordings.delete(call.getRecordingFile());
            }
        }
        List<String> versions = em.createQuery("SELECT v.file FROM RecordingVersion v WHERE v.callId IN"
                + " (SELECT c.id FROM Call c WHERE c.contactId = :id)", String.class)
                .setParameter("id", event.contactId()).getResultList();
        versions.forEach(recordings::delete);
        em.createNativeQuery("DELETE FROM calls_recording_version WHERE call_id IN"
                + " (SELECT id FROM calls_call WHERE contact_id = :id)").setParameter("id", event.contactId())
                .executeUpdate();
        em.createNativeQuery("UPDATE calls_call SET customer_number = NULL, clid = NULL, notes = NULL, info_email = NULL,"
                + " meeting_note = NULL, recording_file = NULL, recording_type = NULL, recording_bytes = NULL,"
                + " recording_sha256 = NULL, recording_origin = NULL, recording_stored_at = NULL,"
                + " recording_stored_by = NULL,"
                + " src = CASE WHEN direction = 'OUT' THEN src ELSE NULL END,"
                + " dst = CASE WHEN direction = 'OUT' THEN NULL ELSE dst END, version = version + 1"
                + " WHERE contact_id = :id").setParameter("id", event.contactId()).executeUpdate();
        facts.announce(callsOf(event.contactId()));
    }

    @Override
    public String section() {
        return "calls";
    }

    @Override
    public Object about(long contactId) {
        return em.createQuery("SELECT c FROM Call c WHERE c.contactId = :id ORDER BY c.startedAt", Call.class)
                .setParameter("id", contactId).getResultStream().map(CallView::of).toList();
    }
}
