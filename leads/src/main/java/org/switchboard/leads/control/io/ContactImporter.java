package org.switchboard.leads.control.io;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.imports.control.Rejection;
import org.switchboard.core.imports.control.RowImporter;
import org.switchboard.core.imports.control.RowOutcome;
import org.switchboard.core.tabular.Row;
import org.switchboard.leads.boundary.ContactInput;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.control.ContactRules;
import org.switchboard.leads.control.DoNotCallList;
import org.switchboard.leads.control.SearchKeys;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;

/**
 * Imports contacts. A row matches an existing contact by {@code id} (when the file came from an export of
 * this installation) or by any of its phone numbers; a match is updated with the row's non-blank cells
 * (numbers, e-mails and tags are added, never dropped) or, when nothing would change, counted as a
 * duplicate. Companies are found by name or created. Importing the same file twice changes nothing.
 */
public class ContactImporter implements RowImporter {

    private static final Pattern PHONE_WITH_KIND = Pattern.compile("^(.*?)\\s*\\((mobile|work|home)\\)$",
            Pattern.CASE_INSENSITIVE);

    private final EntityManager em;
    private final Campaigns campaigns;
    private final DoNotCallList dnc;
    private final String username;
    /** An operator who may name only the campaigns they are assigned to; null: any campaign. */
    private final String assignedOnly;

    public ContactImporter(EntityManager em, Campaigns campaigns, DoNotCallList dnc, String username) {
        this(em, campaigns, dnc, username, null);
    }

    /**
     * @param assignedOnly an operator's username: rows may name only campaigns that operator is assigned to, since the
     *                     source campaign decides which client sees a contact; null for staff who may name any
     */
    public ContactImporter(EntityManager em, Campaigns campaigns, DoNotCallList dnc, String username,
            String assignedOnly) {
        this.em = em;
        this.campaigns = campaigns;
        this.dnc = dnc;
        this.username = username;
        this.assignedOnly = assignedOnly;
    }

    @Override
    public String kind() {
        return "contacts";
    }

    @Override
    public List<List<String>> requiredColumns() {
        return List.of(List.of("full_name", "name"), List.of("phones", "phone", "emails", "email"));
    }

    /** A row read and checked, not yet matched. */
    private record Parsed(Row row, Long id, Contact.Details details, boolean hasConsentColumns, String companyName) {
    }

    @Override
    public List<RowOutcome> process(List<Row> rows, boolean dryRun) {
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<Integer, RowOutcome> byLine = new HashMap<>();
        for (Row row : rows) {
            List<Rejection> problems = new ArrayList<>();
            Parsed p = parse(row, problems);
            if (!problems.isEmpty()) {
                byLine.put(row.line(), RowOutcome.rejected(row.line(), problems));
            } else {
                parsed.add(p);
            }
        }
        Map<String, Contact> byNumber = dryRun ? Map.of() : holdersOf(parsed);
        for (Parsed p : parsed) {
            byLine.put(p.row().line(), dryRun ? RowOutcome.imported(p.row().line()) : store(p, byNumber));
        }
        rows.forEach(r -> outcomes.add(byLine.get(r.line())));
        return outcomes;
    }

    private RowOutcome store(Parsed p, Map<String, Contact> byNumber) {
        Contact existing = null;
        if (p.id() != null) {
            Contact byId = em.find(Contact.class, p.id());
            if (byId != null && byId.isActive()) {
                existing = byId;
            }
        }
        if (existing == null) {
            existing = p.details().phones().keySet().stream().map(byNumber::get).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        if (existing == null && !p.details().emails().isEmpty()) {
            existing = em.createQuery("SELECT DISTINCT c FROM Contact c JOIN c.emails e WHERE e IN :emails"
                    + " AND c.deletedAt IS NULL AND c.erasedAt IS NULL ORDER BY c.id", Contact.class)
                    .setParameter("emails", p.details().emails()).setMaxResults(1).getResultStream().findFirst()
                    .orElse(null);
        }
        Long companyId = p.companyName() == null ? null : company(p.companyName());
        Contact.Details incoming = withCompany(p.details(), companyId);
        Contact contact;
        RowOutcome outcome;
        if (existing == null) {
            if (incoming.owner() == null) {
                incoming = withOwner(incoming, username);
            }
            contact = new Contact(Instant.now());
            contact.describe(incoming, ContactBook.derivedZone(incoming));
            em.persist(contact);
            outcome = RowOutcome.imported(p.row().line());
        } else {
            contact = existing;
            Contact.Details before = existing.details();
            Contact.Details after = overlay(before, incoming, p.hasConsentColumns());
            if (after.equals(before)) {
                return RowOutcome.duplicate(p.row().line());
            }
            existing.describe(after, ContactBook.derivedZone(after));
            outcome = RowOutcome.updated(p.row().line());
        }
        // no flush per row: the chunk's inserts go to the database in JDBC batches when the chunk commits
        for (ContactPhone phone : contact.getPhones()) {
            byNumber.put(phone.getNumber(), contact);
        }
        if (contact.isDoNotCall()) {
            em.flush();
            for (ContactPhone phone : contact.getPhones()) {
                dnc.add(phone.getNumber(), null, "The contact asked not to be called", contact.getId(), username);
            }
        }
        return outcome;
    }

    /** The existing contact updated with what the row says; blanks in the row leave fields as they are. */
    private static Contact.Details overlay(Contact.Details old, Contact.Details row, boolean consentColumns) {
        Map<String, String> phones = new LinkedHashMap<>(old.phones());
        row.phones().forEach(phones::putIfAbsent);
        Set<String> emails = new LinkedHashSet<>(old.emails());
        emails.addAll(row.emails());
        Set<String> tags = new LinkedHashSet<>(old.tags());
        tags.addAll(row.tags());
        return new Contact.Details(row.fullName(), phones, emails, or(row.companyId(), old.companyId()),
                or(row.position(), old.position()), or(row.birthday(), old.birthday()), or(row.city(), old.city()),
                or(row.notes(), old.notes()), tags, or(row.sourceCampaign(), old.sourceCampaign()),
                or(row.sourceClientId(), old.sourceClientId()), consentColumns ? row.consent() : old.consent(),
                old.doNotCall() || row.doNotCall(), or(row.owner(), old.owner()),
                or(row.timeZoneOverride(), old.timeZoneOverride()));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static Contact.Details withCompany(Contact.Details d, Long companyId) {
        return new Contact.Details(d.fullName(), d.phones(), d.emails(), companyId, d.position(), d.birthday(), d.city(),
                d.notes(), d.tags(), d.sourceCampaign(), d.sourceClientId(), d.consent(), d.doNotCall(), d.owner(),
                d.timeZoneOverride());
    }

    private static Contact.Details withOwner(Contact.Details d, String owner) {
        return new Contact.Details(d.fullName(), d.phones(), d.emails(), d.companyId(), d.position(), d.birthday(),
                d.city(), d.notes(), d.tags(), d.sourceCampaign(), d.sourceClientId(), d.consent(), d.doNotCall(), owner,
                d.timeZoneOverride());
    }

    private Map<String, Contact> holdersOf(List<Parsed> parsed) {
        Set<String> numbers = new LinkedHashSet<>();
        parsed.forEach(p -> numbers.addAll(p.details().phones().keySet()));
        Map<String, Contact> byNumber = new HashMap<>();
        if (!numbers.isEmpty()) {
            em.createQuery("SELECT p FROM ContactPhone p JOIN FETCH p.contact c WHERE p.number IN :n"
                    + " AND c.deletedAt IS NULL AND c.erasedAt IS NULL ORDER BY c.id", ContactPhone.class)
                    .setParameter("n", numbers).getResultList()
                    .forEach(p -> byNumber.putIfAbsent(p.getNumber(), p.getContact()));
        }
        return byNumber;
    }

    private Long company(String name) {
        String key = SearchKeys.name(name);
        List<Company> found = em.createQuery("SELECT c FROM Company c WHERE c.searchName = :k ORDER BY c.id", Company.class)
                .setParameter("k", key).setMaxResults(1).getResultList();
        if (!found.isEmpty()) {
            return found.get(0).getId();
        }
        Company company = new Company(Instant.now());
        company.describe(name.trim(), null, List.of(), null, null);
        em.persist(company);
        em.flush();
        return company.getId();
    }

    private Parsed parse(Row row, List<Rejection> problems) {
        int line = row.line();
        Long id = cell(problems, line, "id", () -> Cells.id(row.get("id")));
        String fullName = row.get("full_name", "name");
        if (fullName == null) {
            problems.add(new Rejection(line, "full_name", "is required"));
        } else if (fullName.length() > 300) {
            problems.add(new Rejection(line, "full_name", "must be at most 300 characters long"));
        }
        String phoneColumn = row.get("phones") != null ? "phones" : "phone";
        List<ContactInput.PhoneInput> phoneInputs = new ArrayList<>();
        for (String item : Cells.list(row.get("phones", "phone"))) {
            for (String single : item.split(",")) {
                if (single.isBlank()) {
                    continue;
                }
                Matcher m = PHONE_WITH_KIND.matcher(single.trim());
                phoneInputs.add(m.matches() ? new ContactInput.PhoneInput(m.group(1), m.group(2).toLowerCase())
                        : new ContactInput.PhoneInput(single.trim(), null));
            }
        }
        List<Problem.Violation> violations = ContactRules.newProblems();
        Map<String, String> phones = ContactRules.phones(phoneInputs, violations);
        Set<String> emails = ContactRules.emails(Cells.list(row.get("emails", "email")), violations);
        if (phoneInputs.isEmpty() && row.get("emails", "email") == null && !isKnown(id)) {
            problems.add(new Rejection(line, phoneColumn, "is required: a phone number (or at least an e-mail)"));
        }
        Set<String> tags = ContactRules.tags(Cells.list(row.get("tags", "tag")), violations);
        ZoneId zone = ContactRules.zone(row.get("time_zone", "timezone"), violations);
        String emailColumn = row.get("emails") != null ? "emails" : "email";
        String tagColumn = row.get("tags") != null ? "tags" : "tag";
        String zoneColumn = row.get("time_zone") != null ? "time_zone" : "timezone";
        for (Problem.Violation v : violations) {
            String column = v.field().startsWith("phones") ? phoneColumn : v.field().startsWith("emails") ? emailColumn
                    : v.field().startsWith("tags") ? tagColumn : zoneColumn;
            problems.add(new Rejection(line, column, v.message()));
        }
        LocalDate birthday = cell(problems, line, "birthday", () -> Cells.date(row.get("birthday")));
        List<Problem.Violation> birthdayProblems = ContactRules.newProblems();
        ContactRules.birthday(birthday, birthdayProblems);
        birthdayProblems.forEach(v -> problems.add(new Rejection(line, "birthday", v.message())));
        String campaignCode = row.get("source_campaign", "campaign");
        Campaign campaign = null;
        if (campaignCode != null) {
            campaign = campaigns.byCode(campaignCode).orElse(null);
            if (campaign == null) {
                problems.add(new Rejection(line, "source_campaign", "names no campaign: '" + campaignCode + "'"));
            } else if (assignedOnly != null && !campaign.getOperators().contains(assignedOnly)) {
                problems.add(new Rejection(line, "source_campaign", "names campaign " + campaign.getCode()
                        + ", which you are not assigned to; an operator attributes contacts only to their own campaigns"));
                campaign = null;
            }
        }
        Boolean consentGiven = cell(problems, line, "consent", () -> Cells.yesNo(row.get("consent")));
        LocalDate consentDate = cell(problems, line, "consent_date", () -> Cells.date(row.get("consent_date")));
        if (Boolean.TRUE.equals(consentGiven) && consentDate == null) {
            problems.add(new Rejection(line, "consent_date", "is required when consent is yes: the caller must be able to prove it"));
        }
        Boolean doNotCall = cell(problems, line, "do_not_call", () -> Cells.yesNo(row.get("do_not_call", "dnc")));
        String owner = row.get("owner");
        if (owner != null && em.createQuery("SELECT COUNT(u) FROM User u WHERE u.username = :u", Long.class)
                .setParameter("u", owner.toLowerCase(java.util.Locale.ROOT)).getSingleResult() == 0) {
            problems.add(new Rejection(line, "owner", "names no user: '" + owner + "'"));
        }
        String company = row.get("company");
        if (!problems.isEmpty()) {
            return null;
        }
        boolean consentColumns = consentGiven != null || row.get("consent_source") != null || consentDate != null;
        Contact.Consent consent = new Contact.Consent(Boolean.TRUE.equals(consentGiven), row.get("consent_source"),
                consentDate);
        Contact.Details details = new Contact.Details(fullName, phones, emails, null, row.get("position"), birthday,
                row.get("city"), row.get("notes"), tags, campaign == null ? null : campaign.getCode(),
                campaign == null ? null : campaign.getClientId(), consent, Boolean.TRUE.equals(doNotCall),
                owner == null ? null : owner.toLowerCase(java.util.Locale.ROOT), zone);
        return new Parsed(row, id, details, consentColumns, company);
    }

    /** A row of an export from here names its contact by id; such a row needs no phone to be matched. */
    private boolean isKnown(Long id) {
        if (id == null) {
            return false;
        }
        Contact contact = em.find(Contact.class, id);
        return contact != null && contact.isActive();
    }

    private static <T> T cell(List<Rejection> problems, int line, String column, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Cells.BadCell e) {
            problems.add(new Rejection(line, column, e.getMessage()));
            return null;
        }
    }
}
