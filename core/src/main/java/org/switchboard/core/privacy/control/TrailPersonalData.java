package org.switchboard.core.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.integrity.entity.TamperEntry;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.TextScrub;

/**
 * The tamper trail copies values into its before, after and reason (a lead's notes, a list entry's number, a PBX
 * record's content). Erasure cuts the person's values out of them and keeps every entry with its kind, who, when
 * and subject — the trail still shows that a change happened — and adds one {@link TamperKind#PERSONAL_DATA_ERASED}
 * entry, so a client comparing the trail with an earlier copy sees an erasure, not a silent edit.
 */
@ApplicationScoped
public class TrailPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    TamperTrail trail;

    @Override
    public String section() {
        return "trail";
    }

    @Override
    public Object export(DataSubject subject) {
        List<String> markers = subject.markers();
        List<Map<String, Object>> entries = new ArrayList<>();
        if (!markers.isEmpty()) {
            StringBuilder where = new StringBuilder("(t.subject = 'contact' AND t.subjectId = :contact)");
            for (int i = 0; i < markers.size(); i++) {
                for (String field : List.of("before", "after", "reason")) {
                    where.append(" OR t.").append(field).append(" LIKE :p").append(i).append(" ESCAPE '\\'");
                }
            }
            var query = em.createQuery("SELECT t FROM TamperEntry t WHERE " + where + " ORDER BY t.at, t.id",
                    TamperEntry.class).setParameter("contact", String.valueOf(subject.contactId()));
            for (int i = 0; i < markers.size(); i++) {
                query.setParameter("p" + i, "%" + TextScrub.like(markers.get(i)) + "%");
            }
            for (TamperEntry t : query.getResultList()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", t.getId());
                row.put("at", t.getAt());
                row.put("kind", t.getKind().name());
                row.put("subject", t.getSubject());
                row.put("subjectId", t.getSubjectId());
                row.put("field", t.getField());
                row.put("before", t.getBefore());
                row.put("after", t.getAfter());
                row.put("reason", t.getReason());
                entries.add(row);
            }
        }
        return Map.of("entries", entries);
    }

    @Override
    public void erase(Erasure erasure) {
        em.flush();
        int redacted = TextScrub.scrub(em, "core_tamper", List.of("before_value", "after_value", "reason"),
                erasure.subject().markers());
        trail.record(Tamper.of(TamperKind.PERSONAL_DATA_ERASED, "contact", erasure.contactId(), null, null, null,
                null, null, null, "personal data erased on request" + (redacted == 0 ? ""
                        : "; " + redacted + " of the person's values cut out of earlier trail entries")),
                erasure.by());
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        // the trail keeps what happened to whom at the time; the calls that move record their own entries
    }
}
