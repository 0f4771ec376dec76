package org.switchboard.leads.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.events.LeadChanged;
import org.switchboard.core.events.LeadCreated;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.time.AppClock;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.leads.boundary.LeadInput;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;
import org.switchboard.leads.entity.LeadStatusChange;

/** Leads: creating them (and telling other modules), moving them along, finding them. */
@ApplicationScoped
public class LeadBook {

    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "status", "status",
            "operator", "operator", "campaign", "campaign", "estimatedValue", "estimatedValue");

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CallCentre callCentre;

    @Inject
    Event<LeadCreated> created;

    @Inject
    AppClock clock;

    @Inject
    TamperTrail trail;

    @Inject
    Event<LeadChanged> changed;

    /**
     * Filters of the lead list; dates are call-centre days, inclusive. {@code clientScope} and {@code operatorScope}
     * are who is asking, not what they asked for: a CLIENT user's client, an operator's own username (null: all).
     */
    public record Filter(String operator, LeadStatus status, String campaign, Long clientId, LocalDate from,
            LocalDate to, Long contactId, Long clientScope, String operatorScope) {

        public Filter(String operator, LeadStatus status, String campaign, Long clientId, LocalDate from,
                LocalDate to, Long contactId, Long clientScope) {
            this(operator, status, campaign, clientId, from, to, contactId, clientScope, null);
        }
    }

    /** A lead's parts once checked against the database. */
    public record Checked(Contact contact, Campaign campaign, User operator) {
    }

    public Checked check(Long contactId, String campaignCode, String operatorName) {
        List<Problem.Violation> problems = ContactRules.newProblems();
        Contact contact = null;
        if (contactId == null) {
            problems.add(new Problem.Violation("contactId", "is required"));
        } else {
            contact = em.find(Contact.class, contactId);
            if (contact == null || !contact.isActive()) {
                problems.add(new Problem.Violation("contactId", "names no active contact: " + contactId));
            }
        }
        Campaign campaign = null;
        if (campaignCode == null || campaignCode.isBlank()) {
            problems.add(new Problem.Violation("campaign", "is required: the campaign's code"));
        } else {
            campaign = campaigns.byCode(campaignCode).orElse(null);
            if (campaign == null) {
                problems.add(new Problem.Violation("campaign", "names no campaign: there is no campaign '" + campaignCode.trim() + "'"));
            }
        }
        User operator = null;
        if (operatorName == null || operatorName.isBlank()) {
            problems.add(new Problem.Violation("operator", "is required: the username of the operator who produced the lead"));
        } else {
            operator = em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                    .setParameter("u", operatorName.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst().orElse(null);
            if (operator == null || !operator.has(Role.OPERATOR)) {
                problems.add(new Problem.Violation("operator", "names no operator: '" + operatorName.trim() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(contact, campaign, operator);
    }

    /**
     * A lead entered through the API. Its time is the server's, unless a SUPERVISOR or ADMIN gives a historical
     * {@code createdAt} (the boundary refuses one from an OPERATOR): then it is IMPORTED. Either way the entry is kept in
     * the tamper trail, since a lead entered by hand is not one the call flow made.
     */
    public Lead create(LeadInput input, String operatorName, String by) {
        Checked checked = check(input.contactId(), input.campaign(), operatorName);
        String uniqueid = ContactRules.blankToNull(input.callUniqueid());
        if (uniqueid != null || input.callId() != null) {
            Optional<Lead> existing = fromSameCall(checked.contact().getId(), input.callId(), uniqueid);
            if (existing.isPresent()) {
                throw ProblemException.conflict("Lead " + existing.get().getId() + " already comes from this call",
                        Map.of("id", existing.get().getId(), "href", "/api/leads/" + existing.get().getId()));
            }
        }
        boolean historical = input.createdAt() != null;
        Instant at = historical ? input.createdAt().toInstant() : clock.now();
        Lead lead = create(checked, at, input.estimatedValue(), ContactRules.blankToNull(input.notes()), input.callId(),
                uniqueid, by, historical ? Lead.Entry.IMPORTED : Lead.Entry.LIVE);
        trail.record(Tamper.of(historical ? TamperKind.LEAD_IMPORTED : TamperKind.LEAD_ENTERED, "lead", lead.getId(),
                lead.getCampaign(), lead.getClientId(), lead.getOperator(), null, null, summary(lead),
                historical ? "entered with the historical time " + lead.getCreatedAt() : "entered by hand"));
        return lead;
    }

    /** Keeps an imported lead in the tamper trail: its time is one a person brought, not the server's. */
    public void imported(Lead lead, String how, String by) {
        trail.record(Tamper.of(TamperKind.LEAD_IMPORTED, "lead", lead.getId(), lead.getCampaign(), lead.getClientId(),
                lead.getOperator(), null, null, summary(lead), how), by);
    }

    /** What a lead says about its evidence, for the trail. */
    public static String summary(Lead lead) {
        return "contact " + lead.getContactId() + ", operator " + lead.getOperator() + ", time " + lead.getCreatedAt()
                + (lead.getCallId() != null ? ", call " + lead.getCallId() : "")
                + (lead.getCallUniqueid() != null ? ", call uniqueid " + lead.getCallUniqueid() : "")
                + (lead.getEstimatedValue() != null ? ", value " + lead.getEstimatedValue() : "");
    }

    /** Creates a LIVE lead at the server's time {@code at} (from a call's wrap-up or an inbound log). */
    public Lead create(Checked checked, Instant at, java.math.BigDecimal value, String notes, Long callId,
            String uniqueid, String by) {
        return create(checked, at, value, notes, callId, uniqueid, by, Lead.Entry.LIVE);
    }

    /** Creates a checked lead, entered now by {@code by}, and fires {@link LeadCreated}. */
    public Lead create(Checked checked, Instant at, java.math.BigDecimal value, String notes, Long callId,
            String uniqueid, String by, Lead.Entry entry) {
        List<String> numbers = checked.contact().getPhones().stream().map(p -> p.getNumber()).distinct().toList();
        // a LIVE lead's time is the moment it is entered: one reading of the clock for both
        Instant entered = (entry == Lead.Entry.LIVE ? at : clock.now()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Lead lead = new Lead(checked.contact().getId(), checked.campaign().getCode(), checked.campaign().getClientId(),
                checked.operator().getUsername(), at, entry, entered, by, numbers);
        lead.describe(value, notes, callId, uniqueid);
        em.persist(lead);
        em.flush();
        em.persist(lead.born(by));
        created.fire(new LeadCreated(lead.getId(), lead.getContactId(), lead.getOperator(), lead.getCampaign(),
                lead.getClientId(), lead.getCreatedAt(), lead.getCallId(), lead.getCallUniqueid(), lead.getEnteredAt(),
                lead.getEntry().name(), List.copyOf(lead.getNumbers())));
        return lead;
    }

    public Optional<Lead> fromSameCall(long contactId, Long callId, String uniqueid) {
        if (callId != null) {
            Optional<Lead> byId = em.createQuery("SELECT l FROM Lead l WHERE l.callId = :c AND l.contactId = :contact",
                    Lead.class).setParameter("c", callId).setParameter("contact", contactId).getResultStream().findFirst();
            if (byId.isPresent()) {
                return byId;
            }
        }
        if (uniqueid != null) {
            return em.createQuery("SELECT l FROM Lead l WHERE l.callUniqueid = :u AND l.contactId = :contact", Lead.class)
                    .setParameter("u", uniqueid).setParameter("contact", contactId).getResultStream().findFirst();
        }
        return Optional.empty();
    }

    /**
     * Changes a lead. Value and notes anyone who may edit it; its evidence — the call it cites, its operator and its
     * time — only a SUPERVISOR or ADMIN ({@code supervising}). Every change is kept in the tamper trail.
     */
    public Lead update(long id, LeadInput input, boolean supervising, Long clientScope, String operatorScope) {
        Lead lead = visible(id, clientScope, operatorScope);
        ProblemException.requireVersion("Lead " + id, input.version(), lead.getVersion());
        if (input.contactId() != null && !input.contactId().equals(lead.getContactId())) {
            throw ProblemException.invalid("contactId", "cannot change; merge the contacts instead");
        }
        if (input.campaign() != null && !Campaigns.normalizeCode(input.campaign()).equals(lead.getCampaign())) {
            throw ProblemException.invalid("campaign", "cannot change; create a lead in the other campaign");
        }
        String uniqueid = input.callUniqueid() != null ? ContactRules.blankToNull(input.callUniqueid()) : lead.getCallUniqueid();
        Long callId = input.callId() != null ? input.callId() : lead.getCallId();
        boolean operatorChanges = input.operator() != null && !input.operator().equalsIgnoreCase(lead.getOperator());
        boolean callChanges = !Objects.equals(callId, lead.getCallId()) || !Objects.equals(uniqueid, lead.getCallUniqueid());
        boolean timeChanges = input.createdAt() != null
                && !input.createdAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).equals(lead.getCreatedAt());
        if (!supervising && (operatorChanges || callChanges || timeChanges)) {
            throw ProblemException.forbidden("Only a SUPERVISOR or ADMIN may change a lead's "
                    + (operatorChanges ? "operator" : callChanges ? "call" : "time")
                    + ": they are the evidence the lead rests on, and every such change is kept for the client");
        }
        List<Tamper> changes = new ArrayList<>();
        if (operatorChanges) {
            User operator = check(lead.getContactId(), lead.getCampaign(), input.operator()).operator();
            changes.add(change(TamperKind.LEAD_REATTRIBUTED, lead, "operator", lead.getOperator(), operator.getUsername()));
            lead.reassign(operator.getUsername());
        }
        if (timeChanges) {
            Instant before = lead.getCreatedAt();
            lead.retime(input.createdAt().toInstant());
            changes.add(change(TamperKind.LEAD_EDITED, lead, "createdAt", before, lead.getCreatedAt()));
        }
        if (!Objects.equals(callId, lead.getCallId())) {
            changes.add(change(TamperKind.LEAD_EDITED, lead, "callId", lead.getCallId(), callId));
        }
        if (!Objects.equals(uniqueid, lead.getCallUniqueid())) {
            changes.add(change(TamperKind.LEAD_EDITED, lead, "callUniqueid", lead.getCallUniqueid(), uniqueid));
        }
        String notes = ContactRules.blankToNull(input.notes());
        if (!sameAmount(input.estimatedValue(), lead.getEstimatedValue())) {
            changes.add(change(TamperKind.LEAD_EDITED, lead, "estimatedValue", lead.getEstimatedValue(), input.estimatedValue()));
        }
        if (!Objects.equals(notes, lead.getNotes())) {
            changes.add(change(TamperKind.LEAD_EDITED, lead, "notes", lead.getNotes(), notes));
        }
        lead.describe(input.estimatedValue(), notes, callId, uniqueid);
        em.flush();
        trail.recordAll(changes);
        changed.fire(changedEvent(lead));
        return lead;
    }

    private static boolean sameAmount(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Tamper change(TamperKind kind, Lead lead, String field, Object before, Object after) {
        return Tamper.of(kind, "lead", lead.getId(), lead.getCampaign(), lead.getClientId(), lead.getOperator(), field,
                before, after, null);
    }

    /** The lead as {@link LeadChanged} announces it. */
    public static LeadChanged changedEvent(Lead lead) {
        return new LeadChanged(lead.getId(), lead.getOperator(), lead.getCampaign(), lead.getClientId(),
                lead.getCreatedAt(), lead.getCallId(), lead.getCallUniqueid(), lead.getEnteredAt(), lead.getEntry().name(),
                List.copyOf(lead.getNumbers()));
    }

    /** Moves a lead on; a {@code version} sent must still be the lead's, so a change made meanwhile is not skipped. */
    public Lead move(long id, LeadStatus status, String reason, Long version, String by, Long clientScope,
            String operatorScope) {
        Lead lead = visible(id, clientScope, operatorScope);
        if (version != null) {
            ProblemException.requireVersion("Lead " + id, version, lead.getVersion());
        }
        try {
            em.persist(lead.moveTo(status, ContactRules.blankToNull(reason), by, Instant.now()));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage() + "; the way is NEW → QUALIFIED → MEETING_SET → WON | LOST");
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("reason", "is required when a lead is LOST");
        }
        em.flush();
        return lead;
    }

    public Lead visible(long id, Long clientScope) {
        return visible(id, clientScope, null);
    }

    /**
     * A lead the caller may see: of their client for a CLIENT user, their own for an operator ({@code operatorScope},
     * their username). Another's is 404, as if it did not exist, so that ids cannot be probed for leads.
     */
    public Lead visible(long id, Long clientScope, String operatorScope) {
        Lead lead = em.find(Lead.class, id);
        if (lead == null || (clientScope != null && !clientScope.equals(lead.getClientId()))
                || (operatorScope != null && !operatorScope.equals(lead.getOperator()))) {
            throw ProblemException.notFound("There is no lead " + id);
        }
        return lead;
    }

    public List<LeadStatusChange> history(long leadId) {
        return em.createQuery("SELECT c FROM LeadStatusChange c WHERE c.leadId = :id ORDER BY c.at, c.id",
                LeadStatusChange.class).setParameter("id", leadId).getResultList();
    }

    /** A JPQL {@code WHERE} clause over the alias {@code l} and its named parameters. */
    public record Criteria(String where, Map<String, Object> params) {
    }

    /** The leads a filter selects, as a clause the list and the export share. */
    public Criteria criteria(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.operator() != null && !f.operator().isBlank()) {
            where.append(" AND l.operator = :operator");
            params.put("operator", f.operator().trim().toLowerCase(Locale.ROOT));
        }
        if (f.status() != null) {
            where.append(" AND l.status = :status");
            params.put("status", f.status());
        }
        if (f.campaign() != null && !f.campaign().isBlank()) {
            where.append(" AND l.campaign = :campaign");
            params.put("campaign", Campaigns.normalizeCode(f.campaign()));
        }
        if (f.clientId() != null) {
            where.append(" AND l.clientId = :client");
            params.put("client", f.clientId());
        }
        if (f.clientScope() != null) {
            where.append(" AND l.clientId = :scope");
            params.put("scope", f.clientScope());
        }
        if (f.operatorScope() != null) {
            where.append(" AND l.operator = :own");
            params.put("own", f.operatorScope());
        }
        if (f.contactId() != null) {
            where.append(" AND l.contactId = :contact");
            params.put("contact", f.contactId());
        }
        if (f.from() != null) {
            where.append(" AND l.createdAt >= :from");
            params.put("from", callCentre.startOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND l.createdAt < :to");
            params.put("to", callCentre.startOf(f.to().plusDays(1)));
        }
        return new Criteria(where.toString(), params);
    }

    public Page<Lead> list(Filter f, PageRequest page) {
        Criteria criteria = criteria(f);
        return Queries.page(em, Lead.class, "Lead", "l", criteria.where(), criteria.params(), page);
    }
}
