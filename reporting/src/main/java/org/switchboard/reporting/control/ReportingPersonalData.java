package org.switchboard.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.Rows;
import org.switchboard.core.privacy.TextScrub;

/**
 * What reporting's read model keeps about a person: the numbers of their calls ({@code reporting_call}), the
 * numbers a lead was backed by ({@code reporting_lead}), the numbers each operator dialled a day
 * ({@code reporting_dials}), and QA comments on their calls. Erasure puts the erasure's pseudonym in place of each
 * number — the same one in every table, so dials per distinct number and the backing of leads count as before —
 * and cuts the person's values out of QA comments.
 */
@ApplicationScoped
public class ReportingPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "reporting";
    }

    @Override
    public Object export(DataSubject subject) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("calls", Rows.of(em, "SELECT id, operator, direction, number, campaign_code, started_at, talk_seconds,"
                + " outcome FROM reporting_call WHERE contact_id = :id ORDER BY started_at", subject.contactId()));
        List<Map<String, Object>> dials = new java.util.ArrayList<>();
        List<Map<String, Object>> leads = new java.util.ArrayList<>();
        for (String number : subject.numberForms()) {
            for (Object[] row : rows("SELECT work_day, operator, number, dials FROM reporting_dials WHERE number = :n"
                    + " ORDER BY work_day", number)) {
                dials.add(Map.of("day", String.valueOf(row[0]), "operator", row[1], "number", row[2], "dials", row[3]));
            }
        }
        for (String number : subject.numbers()) {
            for (Object[] row : rows("SELECT id, operator, numbers FROM reporting_lead WHERE numbers LIKE :n ESCAPE '\\'"
                    + " ORDER BY id", "%" + TextScrub.like(number) + "%")) {
                leads.add(Map.of("leadId", row[0], "operator", row[1], "numbers", row[2]));
            }
        }
        all.put("dials", dials);
        all.put("leads", leads);
        all.put("qaComments", Rows.of(em, "SELECT q.id, q.call_id, q.reviewer, q.comment FROM reporting_qa_review q"
                + " JOIN reporting_call c ON c.id = q.call_id WHERE c.contact_id = :id AND q.comment IS NOT NULL"
                + " ORDER BY q.id", subject.contactId()));
        return all;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String number) {
        return em.createNativeQuery(sql).setParameter("n", number).getResultList();
    }

    @Override
    public void erase(Erasure erasure) {
        DataSubject subject = erasure.subject();
        TextScrub.scrub(em, "reporting_qa_review", List.of("comment"), subject.markers(),
                "call_id IN (SELECT c.id FROM reporting_call c WHERE c.contact_id = :id)", subject.contactId());
        for (String number : subject.numbers()) {
            String pseudonym = erasure.pseudonym(number);
            for (String form : new DataSubject(0, java.util.Set.of(), java.util.Set.of(number), java.util.Set.of(),
                    java.util.Set.of()).numberForms()) {
                em.createNativeQuery("UPDATE reporting_dials SET number = :p WHERE number = :n")
                        .setParameter("p", pseudonym).setParameter("n", form).executeUpdate();
                em.createNativeQuery("UPDATE reporting_call SET number = :p WHERE number = :n")
                        .setParameter("p", pseudonym).setParameter("n", form).executeUpdate();
            }
            em.createNativeQuery("UPDATE reporting_lead SET numbers = REPLACE(numbers, :n, :p) WHERE numbers LIKE :like"
                    + " ESCAPE '\\'").setParameter("n", number).setParameter("p", pseudonym)
                    .setParameter("like", "%" + TextScrub.like(number) + "%").executeUpdate();
        }
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        em.createNativeQuery("UPDATE reporting_call SET contact_id = :into WHERE contact_id = :from")
                .setParameter("into", intoContactId).setParameter("from", fromContactId).executeUpdate();
    }
}
