package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.core.calling.CallLists;
import org.switchboard.core.calling.CallPermissions;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;

/**
 * Turns the active rules into tasks for one call day. Idempotent: a task is written with an INSERT that skips an
 * existing (rule, contact, occasion), so running it twice, after a restart, or on two servers (which queue on the
 * lock of the settings row) never makes a second task. Each new task puts the contact on the rule's campaign list
 * and, where the rule has an offer, gets a code of its own. Contacts that may not be called (do-not-call, erased,
 * "don't call me", no consent for an advertising rule) get no task.
 */
@ApplicationScoped
public class Generation {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CallLists lists;

    @Inject
    CallPermissions permissions;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    /** What a run did: tasks made, and occasions skipped (existing tasks, or contacts that may not be called). */
    public record Result(int created, int skipped) {
    }

    public Result generate(LocalDate day) {
        em.createNativeQuery("SELECT id FROM aftersales_settings WHERE id = 1 FOR UPDATE").getResultList();
        int created = 0;
        int skipped = 0;
        for (Rule rule : em.createQuery("SELECT r FROM Rule r WHERE r.active = true ORDER BY r.id", Rule.class)
                .getResultList()) {
            Optional<Campaign> campaign = campaigns.byCode(rule.getCampaign());
            if (campaign.isEmpty()) {
                continue;
            }
            for (Occasion occasion : occasions(rule, day)) {
                Contact contact = em.find(Contact.class, occasion.contactId());
                if (!mayCall(rule, campaign.get(), contact) || !insert(rule, occasion, day)) {
                    skipped++;
                    continue;
                }
                long taskId = ((Number) em.createNativeQuery("SELECT id FROM aftersales_task WHERE rule_id = ?1"
                        + " AND contact_id = ?2 AND occasion_date = ?3").setParameter(1, rule.getId())
                        .setParameter(2, contact.getId()).setParameter(3, occasion.date()).getSingleResult()).longValue();
                settleEarlierTasks(rule.getCampaign(), contact.getId(), taskId);
                long entryId = lists.enqueue(rule.getCampaign(), contact.getId(), null, "aftersales:rule-" + rule.getId());
                String code = rule.hasOffer() ? offer(rule, taskId, contact.getId(), day) : null;
                em.createNativeQuery("UPDATE aftersales_task SET entry_id = ?1, offer_code = ?2 WHERE id = ?3")
                        .setParameter(1, entryId).setParameter(2, code).setParameter(3, taskId).executeUpdate();
                created++;
            }
        }
        return new Result(created, skipped);
    }

    /**
     * Before the contact's list entry is opened again for a new occasion, the tasks still open on it end: not
     * reached when the entry was tried in vain, closed when it was not tried at all — so an old occasion never
     * takes the new call's result.
     */
    private void settleEarlierTasks(String campaign, long contactId, long newTask) {
        em.createNativeQuery("UPDATE aftersales_task SET state = CASE WHEN (SELECT e.attempts FROM calls_list_entry e"
                + " WHERE e.id = aftersales_task.entry_id) > 0 THEN 'NOT_REACHED' ELSE 'CLOSED' END, outcome_at = ?1"
                + " WHERE state = 'OPEN' AND id <> ?2 AND entry_id IN (SELECT e.id FROM calls_list_entry e"
                + " JOIN core_campaign k ON k.id = e.campaign_id WHERE k.code = ?3 AND e.contact_id = ?4)")
                .setParameter(1, Timestamp.from(clock.now())).setParameter(2, newTask).setParameter(3, campaign)
                .setParameter(4, contactId).executeUpdate();
    }

    /** A contact and the occasion a rule calls them about. */
    record Occasion(long contactId, LocalDate date) {
    }

    List<Occasion> occasions(Rule rule, LocalDate day) {
        List<Occasion> found = new ArrayList<>();
        switch (rule.getType()) {
            case BIRTHDAY -> {
                LocalDate occasion = Occasions.birthdayOccasion(rule, day);
                Set<MonthDay> birthdays = Occasions.birthdays(rule, day);
                for (MonthDay md : birthdays) {
                    for (Object id : audience(rule, " AND EXTRACT(MONTH FROM k.birthday) = " + md.getMonthValue()
                            + " AND EXTRACT(DAY FROM k.birthday) = " + md.getDayOfMonth()).getResultList()) {
                        found.add(new Occasion(((Number) id).longValue(), occasion));
                    }
                }
            }
            case HOLIDAY -> Occasions.holiday(rule, day).ifPresent(holiday -> audience(rule, "").getResultList()
                    .forEach(id -> found.add(new Occasion(((Number) id).longValue(), holiday))));
            case EVENT -> {
                Event event = rule.getEventId() == null ? null : em.find(Event.class, rule.getEventId());
                if (event != null) {
                    Occasions.event(rule, event, day).ifPresent(date -> audience(rule, "").getResultList()
                            .forEach(id -> found.add(new Occasion(((Number) id).longValue(), date))));
                }
            }
            case FOLLOW_UP -> {
                LocalDate won = Occasions.wonOn(rule, day);
                Query query = audience(rule, " AND k.id IN (SELECT l.contact_id FROM leads_lead l"
                        + " JOIN leads_lead_status_change ch ON ch.lead_id = l.id WHERE ch.to_status = 'WON'"
                        + " AND ch.at >= :wonFrom AND ch.at < :wonTo)");
                query.setParameter("wonFrom", Timestamp.from(callCentre.startOf(won)))
                        .setParameter("wonTo", Timestamp.from(callCentre.startOf(won.plusDays(1))));
                query.getResultList().forEach(id -> found.add(new Occasion(((Number) id).longValue(), won)));
            }
            default -> throw new IllegalStateException(rule.getType().name());
        }
        return found;
    }

    /** The rule's audience among the contacts not deleted or erased, with a further condition on {@code k}. */
    private Query audience(Rule rule, String condition) {
        StringBuilder sql = new StringBuilder("SELECT k.id FROM leads_contact k WHERE k.deleted_at IS NULL"
                + " AND k.erased_at IS NULL" + condition);
        if (rule.getAudienceTag() != null) {
            sql.append(" AND k.id IN (SELECT t.contact_id FROM leads_contact_tag t WHERE t.tag = :tag)");
        }
        if (rule.getAudienceCity() != null) {
            sql.append(" AND LOWER(k.city) = LOWER(:city)");
        }
        sql.append(" ORDER BY k.id");
        Query query = em.createNativeQuery(sql.toString());
        if (rule.getAudienceTag() != null) {
            query.setParameter("tag", rule.getAudienceTag());
        }
        if (rule.getAudienceCity() != null) {
            query.setParameter("city", rule.getAudienceCity());
        }
        return query;
    }

    private boolean mayCall(Rule rule, Campaign campaign, Contact contact) {
        return contact != null && contact.isActive() && !contact.isDoNotCall() && contact.mainNumber() != null
                && (!rule.isAdvertising() || contact.isConsentGiven())
                && permissions.mayCall(contact.mainNumber(), campaign.getClientId());
    }

    /** Writes the task unless one exists for this rule, contact and occasion; true when written now. */
    private boolean insert(Rule rule, Occasion occasion, LocalDate day) {
        return em.createNativeQuery("INSERT INTO aftersales_task (id, rule_id, contact_id, occasion_date, call_day, state,"
                + " created_at) VALUES (nextval('aftersales_task_seq'), ?1, ?2, ?3, ?4, 'OPEN', ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, rule.getId()).setParameter(2, occasion.contactId()).setParameter(3, occasion.date())
                .setParameter(4, day).setParameter(5, Timestamp.from(clock.now())).executeUpdate() == 1;
    }

    private String offer(Rule rule, long taskId, long contactId, LocalDate day) {
        String code;
        do {
            StringBuilder b = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            code = b.toString();
        } while (em.find(Offer.class, code) != null);
        em.createNativeQuery("INSERT INTO aftersales_offer (code, task_id, contact_id, kind, offer_value, valid_until)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, code).setParameter(2, taskId).setParameter(3, contactId)
                .setParameter(4, rule.getOfferKind().name()).setParameter(5, rule.getOfferValue())
                .setParameter(6, day.plusDays(rule.getOfferValidDays() == null ? 30 : rule.getOfferValidDays()))
                .executeUpdate();
        return code;
    }
}
