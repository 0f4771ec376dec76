package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.calls.boundary.CallView;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.Rows;
import org.switchboard.core.privacy.TextScrub;

/**
 * What the calls module keeps about a person: calls (numbers, caller name, notes, the info e-mail address, the
 * meeting note, the PBX channels), recordings and their kept versions (files on disk), call-list entries (number),
 * callbacks (number, note, reason) and meetings (place, note, reason).
 * <p>
 * Erasure: calls stay for the statistics (operator, times, talk time, outcome) without the person; the days of the
 * PBX records it touches are noted in the day chain as changed by an erasure before they change, so the chain is
 * sealed again with the reason "erased" and {@code verify} shows an erasure, never a silent edit. Recordings are
 * deleted (a recording is the person's voice; the call's row keeps that it was answered and how long), the files
 * only once the erasure has committed. List entries and callbacks keep their place in the campaign with the
 * erasure's pseudonym for the number; meetings keep their time and manager.
 */
@ApplicationScoped
public class ContactPrivacy implements PersonalData {

    /** Recording files to delete once the erasure that dropped them has committed. */
    public record RecordingsDropped(List<String> files) {
    }

    /** Why an erasure ended an open callback or a coming meeting. */
    static final String ERASED_REASON = "the contact's personal data was erased on request";

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

    @Inject
    Event<RecordingsDropped> dropped;

    @Override
    public String section() {
        return "calls";
    }

    @Override
    public Object export(DataSubject subject) {
        long id = subject.contactId();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("calls", calls(subject).stream().map(CallView::of).toList());
        all.put("recordingVersions", Rows.of(em, "SELECT v.call_id, v.file, v.type, v.sha256, v.origin, v.stored_at,"
                + " v.stored_by, v.reason FROM calls_recording_version v JOIN calls_call c ON c.id = v.call_id"
                + " WHERE c.contact_id = :id ORDER BY v.id", id));
        all.put("listEntries", Rows.of(em, "SELECT e.id, c.code AS campaign, e.number, e.attempts, e.last_outcome,"
                + " e.last_call_at, e.next_try_at, e.done, e.source, e.added_at FROM calls_list_entry e"
                + " JOIN core_campaign c ON c.id = e.campaign_id WHERE e.contact_id = :id ORDER BY e.id", id));
        all.put("callbacks", Rows.of(em, "SELECT id, entry_id, number, due_at, owner, note, state, cancel_reason,"
                + " created_by, created_at, closed_at FROM calls_callback WHERE contact_id = :id ORDER BY id", id));
        all.put("meetings", Rows.of(em, "SELECT id, manager, starts_at, ends_at, place, note, campaign_code, state,"
                + " cancel_reason, booked_by, created_at FROM calls_meeting WHERE contact_id = :id ORDER BY id", id));
        return all;
    }

    private List<Call> calls(DataSubject subject) {
        return em.createQuery("SELECT c FROM Call c WHERE c.contactId = :id OR (c.contactId IS NULL AND"
                + " c.customerNumber IN :numbers) ORDER BY c.startedAt", Call.class).setParameter("id", subject.contactId())
                .setParameter("numbers", numbers(subject)).getResultList();
    }

    private static Set<String> numbers(DataSubject subject) {
        // IN () is not SQL: a contact without numbers asks for a number no call has
        return subject.numbers().isEmpty() ? Set.of("-") : subject.numbers();
    }

    @Override
    public Collection<String> texts(DataSubject subject) {
        List<String> texts = new ArrayList<>();
        for (Call call : calls(subject)) {
            texts.add(call.getNotes());
        }
        texts.addAll(strings("SELECT meeting_note FROM calls_call WHERE contact_id = :id"
                + " UNION SELECT note FROM calls_callback WHERE contact_id = :id"
                + " UNION SELECT cancel_reason FROM calls_callback WHERE contact_id = :id"
                + " UNION SELECT note FROM calls_meeting WHERE contact_id = :id"
                + " UNION SELECT place FROM calls_meeting WHERE contact_id = :id"
                + " UNION SELECT cancel_reason FROM calls_meeting WHERE contact_id = :id", subject.contactId()));
        return texts.stream().filter(java.util.Objects::nonNull).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, long id) {
        return ((List<Object>) em.createNativeQuery(sql).setParameter("id", id).getResultList()).stream()
                .filter(java.util.Objects::nonNull).map(String::valueOf).toList();
    }

    @Override
    public void erase(Erasure erasure) {
        long id = erasure.contactId();
        DataSubject subject = erasure.subject();
        List<Call> calls = calls(subject);
        List<Long> callIds = calls.stream().map(Call::getId).toList();
        // the caller's number and name leave the PBX records too: their days are sealed again, and say why
        chain.noteCalls(callIds, DayChain.ERASED);
        Set<String> files = new LinkedHashSet<>();
        for (Call call : calls) {
            if (call.getRecordingFile() != null) {
                files.add(call.getRecordingFile());
            }
        }
        if (!callIds.isEmpty()) {
            files.addAll(em.createQuery("SELECT v.file FROM RecordingVersion v WHERE v.callId IN :ids", String.class)
                    .setParameter("ids", callIds).getResultList());
            em.createNativeQuery("DELETE FROM calls_recording_version WHERE call_id IN (:ids)").setParameter("ids", callIds)
                    .executeUpdate();
            em.createNativeQuery("UPDATE calls_call SET customer_number = NULL, clid = NULL, notes = NULL, info_email = NULL,"
                    + " meeting_note = NULL, recording_file = NULL, recording_type = NULL, recording_bytes = NULL,"
                    + " recording_sha256 = NULL, recording_origin = NULL, recording_stored_at = NULL,"
                    + " recording_stored_by = NULL,"
                    + " src = CASE WHEN direction = 'OUT' THEN src ELSE NULL END,"
                    + " dst = CASE WHEN direction = 'OUT' THEN NULL ELSE dst END, version = version + 1"
                    + " WHERE id IN (:ids)").setParameter("ids", callIds).executeUpdate();
            // a number can still sit in the channel names or the account code of the PBX record
            for (Long callId : callIds) {
                TextScrub.scrub(em, "calls_call", List.of("channel", "dstchannel", "accountcode", "identity", "source"),
                        subject.numberForms().stream().filter(n -> n.length() >= DataSubject.MIN_TEXT_LENGTH).toList(),
                        "id = :id", callId);
            }
        }
        // list entries and callbacks keep their place and counts; the number becomes the erasure's pseudonym
        for (String number : subject.numbers()) {
            em.createNativeQuery("UPDATE calls_list_entry SET number = :pseudonym, version = version + 1"
                    + " WHERE contact_id = :id AND number = :number").setParameter("pseudonym", erasure.pseudonym(number))
                    .setParameter("id", id).setParameter("number", number).executeUpdate();
            em.createNativeQuery("UPDATE calls_callback SET number = :pseudonym, version = version + 1"
                    + " WHERE contact_id = :id AND number = :number").setParameter("pseudonym", erasure.pseudonym(number))
                    .setParameter("id", id).setParameter("number", number).executeUpdate();
        }
        // a number no longer among the contact's (changed since it was listed) goes too
        em.createNativeQuery("UPDATE calls_list_entry SET number = CONCAT('x-', CAST(id AS VARCHAR(19)))"
                + " WHERE contact_id = :id AND number NOT LIKE 'x-%'").setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE calls_callback SET number = CONCAT('x-', CAST(id AS VARCHAR(19)))"
                + " WHERE contact_id = :id AND number NOT LIKE 'x-%'").setParameter("id", id).executeUpdate();
        // nobody calls or meets a person who asked to be forgotten: open entries, callbacks and meetings end
        em.createNativeQuery("UPDATE calls_list_entry SET done = TRUE, next_try_at = NULL, locked_by = NULL,"
                + " locked_until = NULL WHERE contact_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE calls_callback SET note = NULL, version = version + 1,"
                + " cancel_reason = CASE WHEN state = 'OPEN' THEN :why ELSE NULL END,"
                + " state = CASE WHEN state = 'OPEN' THEN 'CANCELLED' ELSE state END,"
                + " closed_at = CASE WHEN state = 'OPEN' THEN :at ELSE closed_at END,"
                + " closed_by = CASE WHEN state = 'OPEN' THEN :by ELSE closed_by END"
                + " WHERE contact_id = :id").setParameter("id", id).setParameter("why", ERASED_REASON)
                .setParameter("at", erasure.at()).setParameter("by", erasure.by()).executeUpdate();
        em.createNativeQuery("UPDATE calls_meeting SET place = NULL, note = NULL, version = version + 1,"
                + " cancel_reason = CASE WHEN state = 'SCHEDULED' AND ends_at > :at THEN :why ELSE NULL END,"
                + " state = CASE WHEN state = 'SCHEDULED' AND ends_at > :at THEN 'CANCELLED' ELSE state END"
                + " WHERE contact_id = :id").setParameter("id", id).setParameter("why", ERASED_REASON)
                .setParameter("at", erasure.at()).executeUpdate();
        facts.announce(callIds);
        dropped.fire(new RecordingsDropped(List.copyOf(files)));
    }

    /** Erasure is the one path that removes recordings: the current files and every kept version, after commit. */
    void deleteFiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingsDropped event) {
        event.files().forEach(recordings::delete);
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        List<Call> moved = em.createQuery("SELECT c FROM Call c WHERE c.contactId = :id", Call.class)
                .setParameter("id", fromContactId).getResultList();
        // a merge moves calls to another contact: whose calls they count for is evidence, so each move is kept
        for (Call call : moved) {
            trail.record(Tamper.of(TamperKind.CALL_MERGED, "call", call.getId(), call.getCampaign(), call.getClientId(),
                    call.getOperator(), "contactId", fromContactId, intoContactId, "contacts merged"));
        }
        em.createQuery("UPDATE Call c SET c.contactId = :survivor WHERE c.contactId = :merged")
                .setParameter("survivor", intoContactId).setParameter("merged", fromContactId).executeUpdate();
        // a list entry the survivor already has (same campaign and number) is closed rather than moved
        em.createNativeQuery("UPDATE calls_list_entry SET done = TRUE, version = version + 1 WHERE contact_id = :merged"
                + " AND EXISTS (SELECT 1 FROM calls_list_entry s WHERE s.contact_id = :survivor"
                + " AND s.campaign_id = calls_list_entry.campaign_id AND s.number = calls_list_entry.number)")
                .setParameter("merged", fromContactId).setParameter("survivor", intoContactId).executeUpdate();
        em.createNativeQuery("UPDATE calls_list_entry SET contact_id = :survivor, version = version + 1"
                + " WHERE contact_id = :merged AND NOT EXISTS (SELECT 1 FROM calls_list_entry s"
                + " WHERE s.contact_id = :survivor AND s.campaign_id = calls_list_entry.campaign_id"
                + " AND s.number = calls_list_entry.number)")
                .setParameter("merged", fromContactId).setParameter("survivor", intoContactId).executeUpdate();
        em.createNativeQuery("UPDATE calls_callback SET contact_id = :survivor, version = version + 1"
                + " WHERE contact_id = :merged").setParameter("merged", fromContactId)
                .setParameter("survivor", intoContactId).executeUpdate();
        em.createNativeQuery("UPDATE calls_meeting SET contact_id = :survivor, version = version + 1"
                + " WHERE contact_id = :merged").setParameter("merged", fromContactId)
                .setParameter("survivor", intoContactId).executeUpdate();
        facts.announce(moved.stream().map(Call::getId).toList());
    }
}
