package org.switchboard.leads.control.io;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.imports.control.Rejection;
import org.switchboard.core.imports.control.RowImporter;
import org.switchboard.core.imports.control.RowOutcome;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.tabular.Row;
import org.switchboard.leads.control.LeadBook;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;

/**
 * Imports leads from the operators' spreadsheets: {@code created_at, operator_extension, phone, name,
 * campaign, call_uniqueid}, optionally {@code operator}, {@code status}, {@code lost_reason},
 * {@code estimated_value}, {@code notes}. The contact is found by phone or registered; a lead already
 * recorded for the same call (or the same contact, campaign, operator and time) is a duplicate.
 */
public class LeadImporter implements RowImporter {

    private final EntityManager em;
    private final Campaigns campaigns;
    private final LeadBook leads;
    private final ZoneId zone;
    private final String username;

    public LeadImporter(EntityManager em, Campaigns campaigns, LeadBook leads, ZoneId zone, String username) {
        this.em = em;
        this.campaigns = campaigns;
        this.leads = leads;
        this.zone = zone;
        this.username = username;
    }

    @Override
    public String kind() {
        return "leads";
    }

    @Override
    public List<List<String>> requiredColumns() {
        return List.of(List.of("created_at"), List.of("operator_extension", "operator"), List.of("phone"),
                List.of("name", "full_name"), List.of("campaign"));
    }

    private record Parsed(Row row, Instant createdAt, User operator, Campaign campaign, String phone, String name,
            String uniqueid, LeadStatus status, String lostReason, BigDecimal value, String notes) {
    }

    @Override
    public List<RowOutcome> process(List<Row> rows, boolean dryRun) {
        Map<String, User> operators = new HashMap<>();
        Map<String, Optional<Campaign>> campaignCache = new HashMap<>();
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            if (!dryRun && isExportedLead(row)) {
                outcomes.add(RowOutcome.duplicate(row.line()));
                continue;
            }
            List<Rejection> problems = new ArrayList<>();
            Parsed p = parse(row, problems, operators, campaignCache);
            if (p == null) {
                outcomes.add(RowOutcome.rejected(row.line(), problems));
            } else {
                outcomes.add(dryRun ? RowOutcome.imported(row.line()) : store(p));
            }
        }
        return outcomes;
    }

    /**
     * A row exported from this installation names its lead by id; when that lead is here with the same
     * campaign and time, the row is that lead (even when its contact has been erased since).
     */
    private boolean isExportedLead(Row row) {
        String id = row.get("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            return false;
        }
        Lead lead = em.find(Lead.class, Long.parseLong(id));
        if (lead == null || row.get("campaign") == null || row.get("created_at") == null) {
            return false;
        }
        try {
            return lead.getCampaign().equals(Campaigns.normalizeCode(row.get("campaign")))
                    && lead.getCreatedAt().equals(Cells.instant(row.get("created_at"), zone));
        } catch (Cells.BadCell e) {
            return false;
        }
    }

    private RowOutcome store(Parsed p) {
        Contact contact = contactFor(p);
        Optional<Lead> same = p.uniqueid() != null ? leads.fromSameCall(contact.getId(), null, p.uniqueid())
                : em.createQuery("SELECT l FROM Lead l WHERE l.contactId = :c AND l.campaign = :camp"
                        + " AND l.operator = :op AND l.createdAt = :at", Lead.class)
                        .setParameter("c", contact.getId()).setParameter("camp", p.campaign().getCode())
                        .setParameter("op", p.operator().getUsername()).setParameter("at", p.createdAt())
                        .getResultStream().findFirst();
        if (same.isPresent()) {
            return RowOutcome.duplicate(p.row().line());
        }
        Lead lead = leads.create(new LeadBook.Checked(contact, p.campaign(), p.operator()), p.createdAt(), p.value(),
                p.notes(), null, p.uniqueid(), username, Lead.Entry.IMPORTED);
        leads.imported(lead, "imported from a file, line " + p.row().line(), username);
        if (p.status() != null && p.status() != LeadStatus.NEW) {
            em.persist(lead.moveTo(p.status(), p.lostReason(), username, p.createdAt()));
        }
        return RowOutcome.imported(p.row().line());
    }

    private Contact contactFor(Parsed p) {
        List<ContactPhone> holders = em.createQuery("SELECT p FROM ContactPhone p JOIN FETCH p.contact c"
                + " WHERE p.number = :n AND c.deletedAt IS NULL AND c.erasedAt IS NULL ORDER BY c.id", ContactPhone.class)
                .setParameter("n", p.phone()).setMaxResults(1).getResultList();
        if (!holders.isEmpty()) {
            return holders.get(0).getContact();
        }
        Map<String, String> phones = new LinkedHashMap<>();
        phones.put(p.phone(), PhoneNumbers.likelyKind(p.phone()));
        Contact.Details details = new Contact.Details(p.name(), phones, Set.of(), null, null, null, null, null, Set.of(),
                p.campaign().getCode(), p.campaign().getClientId(), Contact.Consent.NONE, false,
                p.operator().getUsername(), null);
        Contact contact = new Contact(Instant.now());
        contact.describe(details, PhoneNumbers.timeZone(p.phone()).orElse(null));
        em.persist(contact);
        em.flush();
        return contact;
    }

    private Parsed parse(Row row, List<Rejection> problems, Map<String, User> operators,
            Map<String, Optional<Campaign>> campaignCache) {
        int line = row.line();
        Instant createdAt = null;
        String created = row.get("created_at");
        if (created == null) {
            problems.add(new Rejection(line, "created_at", "is required: the time of the call the lead came from"));
        } else {
            try {
                createdAt = Cells.instant(created, zone);
            } catch (Cells.BadCell e) {
                problems.add(new Rejection(line, "created_at", e.getMessage()));
            }
        }
        User operator = operator(row, problems, operators);
        String code = row.get("campaign");
        Campaign campaign = null;
        if (code == null) {
            problems.add(new Rejection(line, "campaign", "is required: the campaign's code"));
        } else {
            campaign = campaignCache.computeIfAbsent(Campaigns.normalizeCode(code), campaigns::byCode).orElse(null);
            if (campaign == null) {
                problems.add(new Rejection(line, "campaign", "names no campaign: '" + code + "'"));
            }
        }
        String phone = null;
        String written = row.get("phone");
        if (written == null) {
            problems.add(new Rejection(line, "phone", "is required"));
        } else {
            try {
                phone = PhoneNumbers.toE164(written);
            } catch (PhoneNumbers.InvalidNumber e) {
                problems.add(new Rejection(line, "phone", e.getMessage()));
            }
        }
        String name = row.get("name", "full_name");
        if (name == null) {
            problems.add(new Rejection(line, "name", "is required"));
        }
        LeadStatus status = null;
        String statusCell = row.get("status");
        if (statusCell != null) {
            try {
                status = LeadStatus.valueOf(statusCell.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Rejection(line, "status", "must be NEW, QUALIFIED, MEETING_SET, WON or LOST"));
            }
        }
        String lostReason = row.get("lost_reason");
        if (status == LeadStatus.LOST && lostReason == null) {
            problems.add(new Rejection(line, "lost_reason", "is required for a LOST lead"));
        }
        BigDecimal value = null;
        try {
            value = Cells.decimal(row.get("estimated_value"));
            if (value != null && value.signum() < 0) {
                problems.add(new Rejection(line, "estimated_value", "must not be negative"));
            } else if (value != null && (value.stripTrailingZeros().scale() > 2
                    || value.precision() - value.scale() > 12)) {
                problems.add(new Rejection(line, "estimated_value",
                        "must have at most 12 digits before the point and 2 after it"));
            }
        } catch (Cells.BadCell e) {
            problems.add(new Rejection(line, "estimated_value", e.getMessage()));
        }
        String uniqueid = row.get("call_uniqueid");
        if (uniqueid != null && uniqueid.length() > 64) {
            problems.add(new Rejection(line, "call_uniqueid", "must be at most 64 characters long"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Parsed(row, createdAt, operator, campaign, phone, name, uniqueid, status, lostReason, value,
                row.get("notes"));
    }

    private User operator(Row row, List<Rejection> problems, Map<String, User> cache) {
        String extension = row.get("operator_extension");
        String username = row.get("operator");
        String column = extension != null ? "operator_extension" : "operator";
        if (extension == null && username == null) {
            problems.add(new Rejection(row.line(), "operator_extension", "is required: the operator's extension"));
            return null;
        }
        String key = extension != null ? "ext:" + extension : "user:" + username.toLowerCase(Locale.ROOT);
        User user = cache.computeIfAbsent(key, k -> em.createQuery(extension != null
                ? "SELECT u FROM User u WHERE u.extension = :v" : "SELECT u FROM User u WHERE u.username = :v", User.class)
                .setParameter("v", extension != null ? extension : username.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null));
        if (user == null || !user.has(Role.OPERATOR)) {
            problems.add(new Rejection(row.line(), column, "names no operator: '" + (extension != null ? extension : username) + "'"));
            return null;
        }
        return user;
    }
}
