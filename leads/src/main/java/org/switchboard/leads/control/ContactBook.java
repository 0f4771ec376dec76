package org.switchboard.leads.control;

import org.switchboard.core.phones.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.people.entity.User;
import org.switchboard.leads.boundary.ContactInput;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;

/** The contact base: registering, changing, finding, merging and erasing contacts. */
@ApplicationScoped
public class ContactBook {

    /**
     * Search by phone is two index lookups: the numbers' index gives the contact ids, the primary key the
     * contacts. (As one statement with a subquery and a LIMIT, PostgreSQL would rather scan all contacts.)
     */
    public static final String PHONE_HOLDERS = "SELECT p.contact.id FROM ContactPhone p WHERE p.number = :phone";

    public static final Map<String, String> SORTABLE = Map.of("fullName", "searchName", "createdAt", "createdAt",
            "city", "city", "birthday", "birthday");

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    DoNotCallList dnc;

    /** Every module's personal data (this one's included), called in the caller's transaction. */
    @Inject
    @Any
    Instance<PersonalData> modules;

    /** Who may see what: null client scope means every contact. */
    /** {@code ids}: only these contacts (a screen naming the contacts of its rows in one request); null = any. */
    public record Filter(String phone, String q, String company, String tag, Long clientScope, List<Long> ids) {

        public Filter(String phone, String q, String company, String tag, Long clientScope) {
            this(phone, q, company, tag, clientScope, null);
        }
    }

    public Contact create(ContactInput input, boolean allowDuplicate, String username) {
        Contact.Details details = details(input, null, username);
        if (!allowDuplicate) {
            refuseDuplicates(details, null);
        }
        Contact contact = new Contact(Instant.now());
        contact.describe(details, derivedZone(details));
        em.persist(contact);
        em.flush();
        afterSave(contact, username);
        return contact;
    }

    public Contact update(long id, ContactInput input, boolean allowDuplicate, String username, Long clientScope) {
        Contact contact = visible(id, clientScope);
        if (!contact.isActive()) {
            throw ProblemException.conflict("Contact " + id + " is " + (contact.getErasedAt() != null ? "erased"
                    : contact.getMergedIntoId() != null ? "merged into contact " + contact.getMergedIntoId() : "deleted")
                    + " and cannot be changed");
        }
        ProblemException.requireVersion("Contact " + id, input.version(), contact.getVersion());
        Contact.Details details = details(input, contact, username);
        if (!allowDuplicate) {
            refuseDuplicates(details, contact.getId());
        }
        contact.describe(details, derivedZone(details));
        em.flush();
        afterSave(contact, username);
        return contact;
    }

    public void delete(long id, Long clientScope) {
        Contact contact = visible(id, clientScope);
        if (contact.getDeletedAt() == null) {
            contact.delete(Instant.now());
            em.flush();
        }
    }

    /**
     * Folds {@code sourceId} into {@code targetId}: phones, e-mails and tags join the survivor, blanks of the
     * survivor are filled from the other, leads move over, other modules are told; the merged contact stays
     * as a pointer to the survivor.
     */
    public Contact merge(long targetId, long sourceId, String username) {
        if (targetId == sourceId) {
            throw ProblemException.invalid("sourceId", "must be another contact than the one merged into");
        }
        Contact target = active(targetId);
        Contact source = active(sourceId);
        Contact.Details t = target.details();
        Contact.Details s = source.details();
        Map<String, String> phones = new LinkedHashMap<>(t.phones());
        s.phones().forEach(phones::putIfAbsent);
        Set<String> emails = new LinkedHashSet<>(t.emails());
        emails.addAll(s.emails());
        Set<String> tags = new LinkedHashSet<>(t.tags());
        tags.addAll(s.tags());
        Contact.Consent consent = t.consent().given() || !s.consent().given() ? t.consent() : s.consent();
        Contact.Details combined = new Contact.Details(t.fullName(), phones, emails, first(t.companyId(), s.companyId()),
                first(t.position(), s.position()), first(t.birthday(), s.birthday()), first(t.city(), s.city()),
                joinNotes(t.notes(), s.notes()), tags, first(t.sourceCampaign(), s.sourceCampaign()),
                first(t.sourceClientId(), s.sourceClientId()), consent, t.doNotCall() || s.doNotCall(),
                first(t.owner(), s.owner()), first(t.timeZoneOverride(), s.timeZoneOverride()));
        source.mergeInto(targetId, Instant.now());
        em.flush();
        target.describe(combined, derivedZone(combined));
        afterSave(target, username);
        // every module moves its records in this transaction: one that fails undoes the whole merge
        modules.forEach(module -> module.merge(sourceId, targetId));
        em.flush();
        return target;
    }

    /**
     * Erases a person on request, in every module, in the caller's transaction: a module that fails undoes the whole
     * erasure, so no contact is ever half erased. Personal data goes, here and in the audit history; counts stay.
     */
    public Contact erase(long id, String username) {
        Contact contact = find(id);
        if (contact.getErasedAt() != null) {
            return contact;
        }
        DataSubject subject = subject(contact);
        List<String> texts = new ArrayList<>();
        modules.forEach(module -> texts.addAll(module.texts(subject)));
        Erasure erasure = new Erasure(subject.withTexts(texts), Instant.now(), username);
        modules.forEach(module -> module.erase(erasure));
        em.flush();
        return find(id);
    }

    /** Everything each module holds about the contact, by module (an access request). */
    public Map<String, Object> personalData(long id) {
        DataSubject subject = subject(find(id));
        Map<String, Object> everything = new java.util.TreeMap<>();
        modules.forEach(module -> everything.put(module.section(), module.export(subject)));
        return everything;
    }

    /** The person behind a contact: every name, number and address it has or had, its history included. */
    @SuppressWarnings("unchecked")
    public DataSubject subject(Contact contact) {
        long id = contact.getId();
        Set<String> names = new LinkedHashSet<>();
        names.add(contact.getFullName());
        names.addAll(em.createNativeQuery("SELECT DISTINCT full_name FROM leads_contact_aud WHERE id = :id AND"
                + " full_name IS NOT NULL").setParameter("id", id).getResultList());
        Set<String> numbers = new LinkedHashSet<>();
        contact.getPhones().forEach(p -> numbers.add(p.getNumber()));
        numbers.addAll(em.createNativeQuery("SELECT DISTINCT number FROM leads_contact_phone_aud WHERE contact_id = :id"
                + " AND number IS NOT NULL AND number <> ''").setParameter("id", id).getResultList());
        Set<String> emails = new LinkedHashSet<>(contact.getEmails());
        emails.addAll(em.createNativeQuery("SELECT DISTINCT email FROM leads_contact_email_aud WHERE contact_id = :id")
                .setParameter("id", id).getResultList());
        if (contact.getErasedAt() != null) {
            names.clear();
        }
        return new DataSubject(id, names, numbers, emails, Set.of());
    }

    public Contact find(long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            throw ProblemException.notFound("There is no contact " + id);
        }
        return contact;
    }

    /** A contact the caller may see; another client's answers 404 as if it did not exist. */
    public Contact visible(long id, Long clientScope) {
        Contact contact = find(id);
        if (clientScope != null && !isVisibleTo(contact, clientScope)) {
            throw ProblemException.notFound("There is no contact " + id);
        }
        return contact;
    }

    private boolean isVisibleTo(Contact contact, long clientId) {
        if (Long.valueOf(clientId).equals(contact.getSourceClientId())) {
            return true;
        }
        return em.createQuery("SELECT COUNT(l) FROM Lead l WHERE l.contactId = :c AND l.clientId = :client", Long.class)
                .setParameter("c", contact.getId()).setParameter("client", clientId).getSingleResult() > 0;
    }

    private Contact active(long id) {
        Contact contact = find(id);
        if (!contact.isActive()) {
            throw ProblemException.conflict("Contact " + id + " is no longer active (deleted, merged or erased)");
        }
        return contact;
    }

    /** A JPQL {@code WHERE} clause over the alias {@code c} and its named parameters. */
    public record Criteria(String where, Map<String, Object> params) {
    }

    /**
     * The active contacts a filter selects, as a clause the list and the export share; empty when the phone
     * filter's number belongs to no one.
     */
    public Optional<Criteria> criteria(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE c.deletedAt IS NULL AND c.erasedAt IS NULL");
        Map<String, Object> params = new HashMap<>();
        if (filter.phone() != null && !filter.phone().isBlank()) {
            Optional<String> e164 = PhoneNumbers.tryE164(filter.phone());
            if (e164.isEmpty()) {
                throw ProblemException.invalid("phone", "'" + filter.phone() + "' is not a phone number");
            }
            List<Long> ids = em.createQuery(PHONE_HOLDERS, Long.class).setParameter("phone", e164.get()).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            where.append(" AND c.id IN :ids");
            params.put("ids", ids);
        }
        if (filter.ids() != null) {
            if (filter.ids().isEmpty()) {
                return Optional.empty();
            }
            where.append(" AND c.id IN :only");
            params.put("only", filter.ids());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND c.searchName LIKE :q");
            params.put("q", "%" + SearchKeys.name(filter.q()) + "%");
        }
        if (filter.company() != null && !filter.company().isBlank()) {
            String company = filter.company().trim();
            if (company.matches("\\d{1,18}")) {
                where.append(" AND c.companyId = :companyId");
                params.put("companyId", Long.parseLong(company));
            } else {
                where.append(" AND c.companyId IN (SELECT co.id FROM Company co WHERE co.searchName LIKE :company)");
                params.put("company", "%" + SearchKeys.name(company) + "%");
            }
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where.append(" AND :tag MEMBER OF c.tags");
            params.put("tag", SearchKeys.tag(filter.tag()));
        }
        if (filter.clientScope() != null) {
            where.append(" AND (c.sourceClientId = :scope OR EXISTS (SELECT 1 FROM Lead l WHERE l.contactId = c.id"
                    + " AND l.clientId = :scope))");
            params.put("scope", filter.clientScope());
        }
        return Optional.of(new Criteria(where.toString(), params));
    }

    public Page<Contact> search(Filter filter, PageRequest page) {
        Optional<Criteria> criteria = criteria(filter);
        if (criteria.isEmpty()) {
            return new Page<>(List.of(), 0, page.page(), page.size());
        }
        return Queries.page(em, Contact.class, "Contact", "c", criteria.get().where(), criteria.get().params(), page);
    }

    /** Active contacts holding any of these numbers or e-mails, except one. */
    public List<Contact> holders(Set<String> numbers, Set<String> emails, Long except) {
        List<Contact> found = new ArrayList<>();
        if (!numbers.isEmpty()) {
            found.addAll(em.createQuery("SELECT DISTINCT p.contact FROM ContactPhone p WHERE p.number IN :numbers"
                    + " AND p.contact.deletedAt IS NULL AND p.contact.erasedAt IS NULL", Contact.class)
                    .setParameter("numbers", numbers).getResultList());
        }
        if (!emails.isEmpty()) {
            found.addAll(em.createQuery("SELECT DISTINCT c FROM Contact c JOIN c.emails e WHERE e IN :emails"
                    + " AND c.deletedAt IS NULL AND c.erasedAt IS NULL", Contact.class)
                    .setParameter("emails", emails).getResultList());
        }
        return found.stream().filter(c -> !c.getId().equals(except)).distinct().toList();
    }

    private void refuseDuplicates(Contact.Details details, Long except) {
        List<Contact> holders = holders(details.phones().keySet(), details.emails(), except);
        if (!holders.isEmpty()) {
            Contact existing = holders.get(0);
            Set<String> shared = new LinkedHashSet<>(details.phones().keySet());
            shared.retainAll(existing.getPhones().stream().map(p -> p.getNumber()).toList());
            Set<String> sharedEmails = new LinkedHashSet<>(details.emails());
            sharedEmails.retainAll(existing.getEmails());
            shared.addAll(sharedEmails);
            throw ProblemException.conflict("Contact " + existing.getId() + " (" + existing.getFullName()
                    + ") already has " + String.join(", ", shared) + "; open it, merge, or send ?allowDuplicate=true",
                    Map.of("id", existing.getId(), "href", "/api/contacts/" + existing.getId(), "fullName",
                            existing.getFullName()));
        }
    }

    /** Checks the input against the rules and the database, reporting every problem at once. */
    public Contact.Details details(ContactInput input, Contact existing, String username) {
        List<Problem.Violation> problems = ContactRules.newProblems();
        Map<String, String> phones = ContactRules.phones(input.phones(), problems);
        Set<String> emails = ContactRules.emails(input.emails(), problems);
        Set<String> tags = ContactRules.tags(input.tags(), problems);
        ZoneId zone = ContactRules.zone(input.timeZone(), problems);
        ContactRules.birthday(input.birthday(), problems);
        if (input.companyId() != null && em.find(Company.class, input.companyId()) == null) {
            problems.add(new Problem.Violation("companyId", "names no company: there is no company " + input.companyId()));
        }
        // where a contact came from is kept unless the edit names another campaign ("" clears it): an editor that
        // leaves the field out never wipes the attribution, nor the client's sight of the contact that hangs on it
        String sourceCampaign = input.sourceCampaign() == null && existing != null ? existing.getSourceCampaign() : null;
        Long sourceClientId = input.sourceCampaign() == null && existing != null ? existing.getSourceClientId() : null;
        if (input.sourceCampaign() != null && !input.sourceCampaign().isBlank()) {
            Optional<Campaign> campaign = campaigns.byCode(input.sourceCampaign());
            if (campaign.isEmpty()) {
                problems.add(new Problem.Violation("sourceCampaign", "names no campaign: there is no campaign '"
                        + input.sourceCampaign().trim() + "'"));
            } else {
                sourceCampaign = campaign.get().getCode();
                sourceClientId = campaign.get().getClientId();
            }
        }
        String owner = ContactRules.blankToNull(input.owner());
        if (owner != null && em.createQuery("SELECT COUNT(u) FROM User u WHERE u.username = :u", Long.class)
                .setParameter("u", owner.toLowerCase(java.util.Locale.ROOT)).getSingleResult() == 0) {
            problems.add(new Problem.Violation("owner", "names no user: there is no user '" + owner + "'"));
        }
        Contact.Consent consent = Contact.Consent.NONE;
        if (input.consent() != null) {
            boolean given = Boolean.TRUE.equals(input.consent().given());
            if (given && input.consent().date() == null) {
                problems.add(new Problem.Violation("consent.date", "is required when consent is given: the caller must be able to prove it"));
            }
            consent = new Contact.Consent(given, ContactRules.blankToNull(input.consent().source()), input.consent().date());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (owner == null) {
            owner = existing != null ? existing.getOwner() : username;
        }
        return new Contact.Details(input.fullName().trim(), phones, emails, input.companyId(),
                ContactRules.blankToNull(input.position()), input.birthday(), ContactRules.blankToNull(input.city()),
                ContactRules.blankToNull(input.notes()), tags, sourceCampaign, sourceClientId, consent,
                Boolean.TRUE.equals(input.doNotCall()), owner == null ? null : owner.toLowerCase(java.util.Locale.ROOT),
                zone);
    }

    /** The zone of the main number, if it has exactly one. */
    public static ZoneId derivedZone(Contact.Details details) {
        return details.phones().keySet().stream().findFirst().flatMap(PhoneNumbers::timeZone).orElse(null);
    }

    /** A contact who asked not to be called goes on the global list at once, with every number. */
    private void afterSave(Contact contact, String username) {
        if (contact.isDoNotCall()) {
            for (var phone : contact.getPhones()) {
                dnc.add(phone.getNumber(), null, "The contact asked not to be called", contact.getId(), username);
            }
        }
    }

    public List<Lead> leadsOf(long contactId) {
        return em.createQuery("SELECT l FROM Lead l WHERE l.contactId = :c ORDER BY l.createdAt", Lead.class)
                .setParameter("c", contactId).getResultList();
    }

    public User userNamed(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static String joinNotes(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.contains(b)) {
            return a;
        }
        String joined = a + "\n" + b;
        return joined.length() > 4000 ? joined.substring(0, 4000) : joined;
    }
}
