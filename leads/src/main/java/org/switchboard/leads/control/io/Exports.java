package org.switchboard.leads.control.io;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.control.LeadBook;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;

/**
 * Streams contacts and leads out as CSV or XLSX, in pages by id so memory stays flat however big the base.
 * The columns are those the importers read, so an export imports back without loss. The rows are those the
 * list shows for the same filters.
 */
@ApplicationScoped
public class Exports {

    public static final List<String> CONTACT_COLUMNS = List.of("id", "full_name", "phones", "emails", "company",
            "position", "birthday", "city", "notes", "tags", "source_campaign", "consent", "consent_source",
            "consent_date", "do_not_call", "owner", "time_zone");
    public static final List<String> LEAD_COLUMNS = List.of("id", "created_at", "operator", "operator_extension",
            "phone", "name", "campaign", "client_id", "call_uniqueid", "call_id", "status", "lost_reason",
            "estimated_value", "notes");
    private static final int PAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallCentre callCentre;

    @Inject
    LeadBook leadBook;

    @Transactional(Transactional.TxType.REQUIRED)
    /** @param criteria from {@link ContactBook#criteria}, worked out before the response starts (it may refuse) */
    public void contacts(TabularFormat format, OutputStream out, Optional<ContactBook.Criteria> criteria)
            throws IOException {
        ZoneId zone = callCentre.zone();
        try (TabularWriter writer = TabularWriter.open(format, out, CONTACT_COLUMNS, zone)) {
            long last = 0;
            while (criteria.isPresent()) {
                TypedQuery<Contact> query = em.createQuery("SELECT c FROM Contact c" + criteria.get().where()
                        + " AND c.id > :last ORDER BY c.id", Contact.class)
                        .setParameter("last", last)
                        .setHint("org.hibernate.readOnly", true)
                        .setMaxResults(PAGE);
                criteria.get().params().forEach(query::setParameter);
                List<Contact> page = query.getResultList();
                if (page.isEmpty()) {
                    break;
                }
                Map<Long, String> companies = companyNames(page.stream().map(Contact::getCompanyId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
                for (Contact c : page) {
                    writer.row(Arrays.asList(c.getId(), c.getFullName(),
                            c.getPhones().stream().map(p -> p.getNumber() + " (" + p.getKind() + ")")
                                    .collect(Collectors.joining("; ")),
                            String.join("; ", c.getEmails().stream().sorted().toList()),
                            c.getCompanyId() == null ? null : companies.get(c.getCompanyId()), c.getPosition(),
                            c.getBirthday(), c.getCity(), c.getNotes(),
                            String.join("; ", c.getTags().stream().sorted().toList()), c.getSourceCampaign(),
                            c.isConsentGiven(), c.getConsentSource(), c.getConsentDate(), c.isDoNotCall(), c.getOwner(),
                            c.isTimeZoneOverridden() ? c.timeZone().getId() : null));
                }
                last = page.get(page.size() - 1).getId();
                em.clear();
            }
        }
    }

    private Map<Long, String> companyNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT c FROM Company c WHERE c.id IN :ids", Company.class).setParameter("ids", ids)
                    .getResultList().forEach(c -> names.put(c.getId(), c.getName()));
        }
        return names;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void leads(TabularFormat format, OutputStream out, LeadBook.Filter filter) throws IOException {
        LeadBook.Criteria criteria = leadBook.criteria(filter);
        ZoneId zone = callCentre.zone();
        Map<String, String> extensions = new HashMap<>();
        em.createQuery("SELECT u.username, u.extension FROM User u WHERE u.extension IS NOT NULL", Object[].class)
                .getResultList().forEach(r -> extensions.put((String) r[0], (String) r[1]));
        try (TabularWriter writer = TabularWriter.open(format, out, LEAD_COLUMNS, zone)) {
            long last = 0;
            while (true) {
                TypedQuery<Lead> query = em.createQuery("SELECT l FROM Lead l" + criteria.where()
                        + " AND l.id > :last ORDER BY l.id", Lead.class)
                        .setParameter("last", last).setMaxResults(PAGE);
                criteria.params().forEach(query::setParameter);
                List<Lead> page = query.getResultList();
                if (page.isEmpty()) {
                    break;
                }
                Map<Long, Contact> contacts = new HashMap<>();
                em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                        .setParameter("ids", page.stream().map(Lead::getContactId).collect(Collectors.toSet()))
                        .getResultList().forEach(c -> contacts.put(c.getId(), c));
                for (Lead l : page) {
                    Contact c = contacts.get(l.getContactId());
                    List<Object> row = new ArrayList<>(Arrays.asList(l.getId(), l.getCreatedAt(), l.getOperator(),
                            extensions.get(l.getOperator()), c == null ? null : c.mainNumber(),
                            c == null ? null : c.getFullName(), l.getCampaign(), l.getClientId(), l.getCallUniqueid(),
                            l.getCallId(), l.getStatus().name(), l.getLostReason(), l.getEstimatedValue(), l.getNotes()));
                    writer.row(row);
                }
                last = page.get(page.size() - 1).getId();
                em.clear();
            }
        }
    }
}
