package org.switchboard.leads.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.audit.control.AuditTrail;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.TextScrub;
import org.switchboard.leads.boundary.DncResource;
import org.switchboard.leads.boundary.LeadView;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;

/**
 * What the leads module keeps about a person: the contact (name, numbers, e-mails, tags, company, notes, consent),
 * its leads (notes, reasons, the numbers a lead was entered with), lead status changes, do-not-call entries and the
 * audit history of all of them.
 * <p>
 * Erasure blanks the contact and its history (the contact row stays, named "Erased contact #id", so the counts
 * that refer to it still add up), clears the leads' free texts and replaces the numbers a lead was entered with by
 * the erasure's pseudonyms (a backed lead stays backed by the same call). A do-not-call entry keeps its number:
 * the opt-out must go on being honoured after the person is forgotten, and a hash of a phone number would not be
 * anonymous (ten billion numbers are hashed in minutes) while breaking every lookup; the entry loses its link to the
 * contact and any of the person's values in its reason.
 */
@ApplicationScoped
public class ContactPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Inject
    DoNotCallList dnc;

    @Inject
    AuditTrail audit;

    @Override
    public String section() {
        return "leads";
    }

    @Override
    public Object export(DataSubject subject) {
        long id = subject.contactId();
        Map<String, Object> all = new LinkedHashMap<>();
        List<Lead> leads = leads(id);
        all.put("leads", leads.stream().map(LeadView::of).toList());
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (Lead lead : leads) {
            numbers.add(Map.of("leadId", lead.getId(), "numbers", List.copyOf(lead.getNumbers())));
        }
        all.put("leadNumbers", numbers);
        all.put("statusChanges", em.createNativeQuery("SELECT s.lead_id, s.from_status, s.to_status, s.reason, s.changed_by,"
                + " s.at FROM leads_lead_status_change s JOIN leads_lead l ON l.id = s.lead_id WHERE l.contact_id = :id"
                + " ORDER BY s.at, s.id").setParameter("id", id).getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("leadId", row[0]);
                    change.put("from", row[1]);
                    change.put("to", row[2]);
                    change.put("reason", row[3]);
                    change.put("by", row[4]);
                    change.put("at", String.valueOf(row[5]));
                    return change;
                }).toList());
        all.put("doNotCall", dnc.entriesFor(List.copyOf(subject.numbers())).stream().map(DncResource.DncView::of).toList());
        all.put("changes", audit.changes("Contact", id, PageRequest.of("0", "500", null,
                Map.of("revision", "revision"), "-revision")).items());
        all.put("leadChanges", leads.stream().map(l -> Map.of("leadId", l.getId(), "changes", audit.changes("Lead",
                l.getId(), PageRequest.of("0", "500", null, Map.of("revision", "revision"), "-revision")).items()))
                .toList());
        return all;
    }

    @Override
    public Collection<String> texts(DataSubject subject) {
        List<String> texts = new ArrayList<>();
        long id = subject.contactId();
        texts.addAll(strings("SELECT notes FROM leads_contact WHERE id = :id UNION SELECT notes FROM leads_contact_aud"
                + " WHERE id = :id", id));
        texts.addAll(strings("SELECT notes FROM leads_lead WHERE contact_id = :id UNION SELECT lost_reason FROM"
                + " leads_lead WHERE contact_id = :id UNION SELECT notes FROM leads_lead_aud WHERE contact_id = :id"
                + " UNION SELECT lost_reason FROM leads_lead_aud WHERE contact_id = :id", id));
        return texts;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql, long id) {
        return ((List<Object>) em.createNativeQuery(sql).setParameter("id", id).getResultList()).stream()
                .filter(java.util.Objects::nonNull).map(String::valueOf).toList();
    }

    @Override
    public void erase(Erasure erasure) {
        long id = erasure.contactId();
        // numbers, e-mails and tags go by SQL, not through the entity: Envers writes a removed collection element's
        // value into the history when the transaction ends, after any blanking done here
        em.flush();
        em.clear();
        em.createNativeQuery("DELETE FROM leads_contact_phone WHERE contact_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM leads_contact_email WHERE contact_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM leads_contact_tag WHERE contact_id = :id").setParameter("id", id).executeUpdate();
        Contact contact = em.find(Contact.class, id);
        // the erasure itself is a revision of the contact, with nothing personal in it
        contact.erase(erasure.at());
        em.flush();
        // the audit trail must not keep what was erased: its earlier states are blanked, the revisions stay
        em.createNativeQuery("UPDATE leads_contact_aud SET full_name = :name, search_name = '', position = NULL, "
                + "birthday = NULL, city = NULL, notes = NULL, consent_source = NULL, owner = NULL, company_id = NULL, "
                + "time_zone_override = NULL WHERE id = :id")
                .setParameter("name", contact.getFullName()).setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE leads_contact_phone_aud SET number = '' WHERE contact_id = :id")
                .setParameter("id", id).executeUpdate();
        for (String email : erasure.subject().emails()) {
            em.createNativeQuery("UPDATE leads_contact_email_aud SET email = :pseudonym WHERE contact_id = :id"
                    + " AND LOWER(email) = :email").setParameter("pseudonym", erasure.pseudonym(email))
                    .setParameter("id", id).setParameter("email", email).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM leads_contact_tag_aud WHERE contact_id = :id").setParameter("id", id)
                .executeUpdate();
        // leads stay for the figures, without the person's words
        em.createNativeQuery("UPDATE leads_lead SET notes = NULL, lost_reason = NULL WHERE contact_id = :id")
                .setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE leads_lead_aud SET notes = NULL, lost_reason = NULL WHERE contact_id = :id"
                + " OR id IN (SELECT l.id FROM leads_lead l WHERE l.contact_id = :id)").setParameter("id", id).executeUpdate();
        em.createNativeQuery("UPDATE leads_lead_status_change SET reason = NULL WHERE lead_id IN"
                + " (SELECT l.id FROM leads_lead l WHERE l.contact_id = :id)").setParameter("id", id).executeUpdate();
        for (String number : erasure.subject().numbers()) {
            em.createNativeQuery("UPDATE leads_lead_number SET number = :pseudonym WHERE number = :number AND lead_id IN"
                    + " (SELECT l.id FROM leads_lead l WHERE l.contact_id = :id)")
                    .setParameter("pseudonym", erasure.pseudonym(number)).setParameter("number", number)
                    .setParameter("id", id).executeUpdate();
        }
        // the opt-out stays honoured, no longer tied to the person
        em.createNativeQuery("UPDATE leads_dnc SET contact_id = NULL WHERE contact_id = :id").setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("UPDATE leads_dnc_aud SET contact_id = NULL WHERE contact_id = :id").setParameter("id", id)
                .executeUpdate();
        List<String> markers = erasure.subject().markers().stream()
                .filter(m -> !erasure.subject().numberForms().contains(m)).toList();
        TextScrub.scrub(em, "leads_dnc", List.of("reason"), markers);
        TextScrub.scrub(em, "leads_dnc_aud", List.of("reason"), markers);
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        em.createQuery("UPDATE Lead l SET l.contactId = :target WHERE l.contactId = :source")
                .setParameter("target", intoContactId).setParameter("source", fromContactId).executeUpdate();
        em.createNativeQuery("UPDATE leads_dnc SET contact_id = :target WHERE contact_id = :source")
                .setParameter("target", intoContactId).setParameter("source", fromContactId).executeUpdate();
    }

    private List<Lead> leads(long contactId) {
        return em.createQuery("SELECT l FROM Lead l WHERE l.contactId = :c ORDER BY l.createdAt", Lead.class)
                .setParameter("c", contactId).getResultList();
    }
}
