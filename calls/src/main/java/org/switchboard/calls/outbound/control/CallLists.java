package org.switchboard.calls.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.security.Caller;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;

/** A campaign's call list and rules: adding contacts, reading the list and its progress. */
@ApplicationScoped
public class CallLists implements org.switchboard.core.calling.CallLists {

    static final Set<CampaignType> OUTBOUND = Set.of(CampaignType.OUTBOUND, CampaignType.SURVEY, CampaignType.AFTER_SALES);

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    @Inject
    Caller caller;

    /** The campaign, if the caller may see it and it works a call list. */
    public Campaign outboundCampaign(long campaignId) {
        Campaign campaign = campaigns.byId(campaignId).filter(c -> caller.maySeeClient(c.getClientId()))
                .orElseThrow(() -> ProblemException.notFound("There is no campaign " + campaignId));
        if (!OUTBOUND.contains(campaign.getType())) {
            throw ProblemException.conflict("Campaign " + campaign.getCode() + " is " + campaign.getType()
                    + "; only OUTBOUND, SURVEY and AFTER_SALES campaigns have call lists");
        }
        return campaign;
    }

    /**
     * The campaign for an operator's eyes: besides the client scope, an operator (without a supervising role) sees
     * only the campaigns they are assigned to.
     */
    public Campaign workedCampaign(long campaignId) {
        Campaign campaign = outboundCampaign(campaignId);
        boolean onlyOperator = caller.has(org.switchboard.core.people.entity.Role.OPERATOR)
                && !caller.has(org.switchboard.core.people.entity.Role.SUPERVISOR)
                && !caller.has(org.switchboard.core.people.entity.Role.ADMIN);
        if (onlyOperator && !campaign.getOperators().contains(caller.username())) {
            throw ProblemException.forbidden("You are not assigned to campaign " + campaign.getCode());
        }
        return campaign;
    }

    /** The client of a campaign (for access checks on things that refer to a campaign by id). */
    public Long campaignClient(long campaignId) {
        return campaigns.byId(campaignId).map(Campaign::getClientId).orElse(null);
    }

    public OutboundRules rules(long campaignId) {
        OutboundRules rules = em.find(OutboundRules.class, campaignId);
        return rules != null ? rules : new OutboundRules(campaignId);
    }

    /** The stored rules row, created with the defaults when the campaign has none yet. */
    public OutboundRules editableRules(long campaignId) {
        OutboundRules rules = em.find(OutboundRules.class, campaignId);
        if (rules == null) {
            rules = new OutboundRules(campaignId);
            em.persist(rules);
        }
        return rules;
    }

    /** What adding contacts did. */
    public record Added(int added, int already, List<Rejected> rejected) {
    }

    public record Rejected(Long contactId, String reason) {
    }

    /** Adds each contact's main number (or the numbers given) to the list; contacts on it already are counted. */
    public Added add(Campaign campaign, Collection<Long> contactIds, String source) {
        int added = 0;
        int already = 0;
        List<Rejected> rejected = new ArrayList<>();
        Instant now = clock.now();
        for (Long contactId : contactIds) {
            Contact contact = contactId == null ? null : em.find(Contact.class, contactId);
            if (contact == null || !contact.isActive()) {
                rejected.add(new Rejected(contactId, "no active contact has this id"));
                continue;
            }
            if (contact.mainNumber() == null) {
                rejected.add(new Rejected(contactId, "the contact has no phone number"));
                continue;
            }
            if (entry(campaign.getId(), contact.getId(), contact.mainNumber()).isPresent()) {
                already++;
                continue;
            }
            em.persist(new ListEntry(campaign.getId(), contact.getId(), contact.mainNumber(), zoneOf(contact,
                    contact.mainNumber()), source, now));
            added++;
        }
        em.flush();
        return new Added(added, already, rejected);
    }

    /** Puts one number of a contact on the list; false when it is there already. */
    public boolean addNumber(Campaign campaign, Contact contact, String e164, String source) {
        if (entry(campaign.getId(), contact.getId(), e164).isPresent()) {
            return false;
        }
        em.persist(new ListEntry(campaign.getId(), contact.getId(), e164, zoneOf(contact, e164), source, clock.now()));
        em.flush();
        return true;
    }

    @Override
    public long add(String campaignCode, long contactId, String number, String source) {
        Campaign campaign = campaigns.byCode(campaignCode)
                .orElseThrow(() -> new IllegalArgumentException("there is no campaign " + campaignCode));
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null) {
            throw new IllegalArgumentException("there is no contact " + contactId);
        }
        String e164 = number != null ? PhoneNumbers.toE164(number) : contact.mainNumber();
        Optional<ListEntry> existing = entry(campaign.getId(), contactId, e164);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        ListEntry entry = new ListEntry(campaign.getId(), contactId, e164, zoneOf(contact, e164), source, clock.now());
        em.persist(entry);
        em.flush();
        return entry.getId();
    }

    @Override
    public boolean isHeldBy(long entryId, String username) {
        ListEntry entry = em.find(ListEntry.class, entryId);
        return entry != null && username != null && entry.isHeldBy(username, clock.now());
    }

    @Override
    public long enqueue(String campaignCode, long contactId, String number, String source) {
        long id = add(campaignCode, contactId, number, source);
        ListEntry entry = em.find(ListEntry.class, id);
        if (entry.isDone() || (entry.getAttempts() > 0 && entry.getLockedBy() == null)) {
            entry.reopen(source);
            em.flush();
        }
        return id;
    }

    Optional<ListEntry> entry(long campaignId, long contactId, String number) {
        return em.createQuery("SELECT e FROM ListEntry e WHERE e.campaignId = :c AND e.contactId = :k AND e.number = :n",
                ListEntry.class).setParameter("c", campaignId).setParameter("k", contactId).setParameter("n", number)
                .getResultStream().findFirst();
    }

    /** The zone the calling window is read in: the contact's own, else its number's, else the call centre's. */
    public ZoneId zoneOf(Contact contact, String number) {
        if (contact.timeZone() != null) {
            return contact.timeZone();
        }
        return PhoneNumbers.timeZone(number).orElse(callCentre.zone());
    }

    /** The list's progress. */
    public record Progress(long total, long done, long pending, long inRetry, long exhausted, long blockedByDnc,
            long openCallbacks) {
    }

    public Progress progress(Campaign campaign) {
        int max = rules(campaign.getId()).getMaxAttempts();
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*),"
                + " SUM(CASE WHEN e.done THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN NOT e.done AND e.attempts = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN NOT e.done AND e.attempts > 0 AND e.attempts < ?2 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN NOT e.done AND e.attempts >= ?2 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN NOT e.done AND EXISTS (SELECT 1 FROM leads_dnc d WHERE d.number = e.number"
                + " AND (d.client_id IS NULL OR d.client_id = ?3)) THEN 1 ELSE 0 END)"
                + " FROM calls_list_entry e WHERE e.campaign_id = ?1")
                .setParameter(1, campaign.getId()).setParameter(2, max).setParameter(3, campaign.getClientId())
                .getSingleResult();
        long callbacks = em.createQuery("SELECT COUNT(c) FROM Callback c WHERE c.campaignId = :c"
                + " AND c.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN", Long.class)
                .setParameter("c", campaign.getId()).getSingleResult();
        return new Progress(n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), callbacks);
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Page<ListEntry> entries(Campaign campaign, PageRequest page) {
        long total = em.createQuery("SELECT COUNT(e) FROM ListEntry e WHERE e.campaignId = :c", Long.class)
                .setParameter("c", campaign.getId()).getSingleResult();
        List<ListEntry> items = em.createQuery("SELECT e FROM ListEntry e WHERE e.campaignId = :c ORDER BY e.id",
                ListEntry.class).setParameter("c", campaign.getId()).setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList();
        return new Page<>(items, total, page.page(), page.size());
    }
}
