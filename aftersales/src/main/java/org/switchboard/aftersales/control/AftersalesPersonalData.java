package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.Rows;

/**
 * What the after-sales module keeps about a person: tasks (the occasion, e.g. a birthday, and the call day) and
 * offers made to them. Erasure keeps both for the module's report (offers made, accepted, redeemed) but closes the
 * open tasks (nobody calls a person who asked to be forgotten) and moves each occasion date onto its call day, since
 * an occasion such as a birthday is the person's data.
 */
@ApplicationScoped
public class AftersalesPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "aftersales";
    }

    @Override
    public Object export(DataSubject subject) {
        long id = subject.contactId();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tasks", Rows.of(em, "SELECT t.id, r.name AS rule, t.occasion_date, t.call_day, t.offer_code, t.state,"
                + " t.outcome_at, t.created_at FROM aftersales_task t JOIN aftersales_rule r ON r.id = t.rule_id"
                + " WHERE t.contact_id = :id ORDER BY t.id", id));
        all.put("offers", Rows.of(em, "SELECT code, task_id, kind, offer_value, valid_until, redeemed_at, redeemed_by"
                + " FROM aftersales_offer WHERE contact_id = :id ORDER BY code", id));
        return all;
    }

    @Override
    public void erase(Erasure erasure) {
        em.createNativeQuery("UPDATE aftersales_task SET occasion_date = call_day,"
                + " state = CASE WHEN state = 'OPEN' THEN 'CLOSED' ELSE state END,"
                + " outcome_at = CASE WHEN state = 'OPEN' THEN :at ELSE outcome_at END WHERE contact_id = :id")
                .setParameter("at", erasure.at()).setParameter("id", erasure.contactId()).executeUpdate();
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        // a task the survivor already has for the same rule and occasion stays with the merged contact
        em.createNativeQuery("UPDATE aftersales_task SET contact_id = :into WHERE contact_id = :from AND NOT EXISTS"
                + " (SELECT 1 FROM aftersales_task s WHERE s.contact_id = :into AND s.rule_id = aftersales_task.rule_id"
                + " AND s.occasion_date = aftersales_task.occasion_date)")
                .setParameter("into", intoContactId).setParameter("from", fromContactId).executeUpdate();
        em.createNativeQuery("UPDATE aftersales_offer SET contact_id = :into WHERE contact_id = :from")
                .setParameter("into", intoContactId).setParameter("from", fromContactId).executeUpdate();
    }
}
