package org.switchboard.calls.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.calling.CallPermissions;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.holidays.control.Holidays;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;

/**
 * The next-call queue. An operator asking again while holding an entry gets that entry back. Otherwise, in this
 * order: their own callbacks that are due, the pool's due callbacks (an owned callback not taken within the grace
 * period is the pool's too), fresh entries, then retries whose time has come. Never offered: a number on an
 * applicable do-not-call list, a contact outside its calling window or on a holiday in its zone, a contact who
 * asked not to be called or is gone, one without consent when the campaign needs it, an entry over its attempt
 * limit. An entry is taken with one conditional update that repeats all of that on the row (see {@link #take}),
 * so two operators never hold the same entry and no entry is served before it is due.
 */
@ApplicationScoped
public class NextCalls {

    private static final int BATCH = 25;
    private static final int MAX_BATCHES = 40;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallLists lists;

    @Inject
    AppClock clock;

    @Inject
    Holidays holidays;

    @Inject
    CallPermissions permissions;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<OfferVeto> vetoes;

    /** Why this entry was offered. */
    public enum Kind {
        HELD, OWN_CALLBACK, POOL_CALLBACK, FRESH, RETRY
    }

    /** An entry handed to an operator, with the callback it serves, if any. */
    public record Offer(ListEntry entry, Contact contact, Kind kind, Callback callback, OutboundRules rules,
            Instant now) {
    }

    public Optional<Offer> next(Campaign campaign, String operator) {
        if (!campaign.getOperators().contains(operator)) {
            throw ProblemException.forbidden("You are not assigned to campaign " + campaign.getCode()
                    + "; a supervisor assigns operators in the campaign's operators");
        }
        Instant now = clock.now();
        OutboundRules rules = lists.rules(campaign.getId());
        Optional<ListEntry> held = em.createQuery("SELECT e FROM ListEntry e WHERE e.campaignId = :c AND e.lockedBy = :o"
                + " AND e.lockedUntil > :now AND e.done = false", ListEntry.class).setParameter("c", campaign.getId())
                .setParameter("o", operator).setParameter("now", now).getResultStream().findFirst();
        if (held.isPresent()) {
            return Optional.of(new Offer(held.get(), em.find(Contact.class, held.get().getContactId()), Kind.HELD,
                    openCallback(held.get().getId()), rules, now));
        }
        List<String> zones = openZones(campaign.getId(), rules, now);
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        String callbacks = "SELECT e.id, cb.id FROM Callback cb, ListEntry e WHERE e.id = cb.entryId AND cb.campaignId = :c"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN AND cb.dueAt <= :now"
                + " AND e.done = false AND e.attempts < :max AND e.timeZone IN :zones"
                + " AND (e.lockedUntil IS NULL OR e.lockedUntil <= :now) AND e.id > :after";
        String entries = "SELECT e.id, CAST(NULL AS Long) FROM ListEntry e WHERE e.campaignId = :c AND e.done = false"
                + " AND e.attempts < :max AND e.timeZone IN :zones AND (e.lockedUntil IS NULL OR e.lockedUntil <= :now)"
                + " AND e.id > :after AND NOT EXISTS (SELECT cb.id FROM Callback cb WHERE cb.entryId = e.id"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN)";
        String openCallback = "SELECT cb.id FROM Callback cb WHERE cb.entryId = e.id"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN";
        String dueCallback = openCallback + " AND cb.id = :cb AND cb.dueAt <= :now";
        List<Step> steps = List.of(
                new Step(Kind.OWN_CALLBACK, callbacks + " AND cb.owner = :o ORDER BY e.id",
                        "EXISTS (" + dueCallback + " AND cb.owner = :o)", true),
                new Step(Kind.POOL_CALLBACK, callbacks + " AND (cb.owner IS NULL OR cb.escalateAt <= :now) ORDER BY e.id",
                        "EXISTS (" + dueCallback + " AND (cb.owner IS NULL OR cb.escalateAt <= :now))", false),
                new Step(Kind.FRESH, entries + " AND e.attempts = 0 AND (e.nextTryAt IS NULL OR e.nextTryAt <= :now)"
                        + " ORDER BY e.id", "e.attempts = 0 AND (e.nextTryAt IS NULL OR e.nextTryAt <= :now)"
                        + " AND NOT EXISTS (" + openCallback + ")", false),
                new Step(Kind.RETRY, entries + " AND e.attempts > 0 AND e.nextTryAt <= :now ORDER BY e.id",
                        "e.attempts > 0 AND e.nextTryAt <= :now AND NOT EXISTS (" + openCallback + ")", false));
        for (Step step : steps) {
            long after = Long.MIN_VALUE;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                var query = em.createQuery(step.jpql(), Object[].class).setParameter("c", campaign.getId())
                        .setParameter("now", now).setParameter("max", rules.getMaxAttempts()).setParameter("zones", zones)
                        .setParameter("after", after).setMaxResults(BATCH);
                if (step.own()) {
                    query.setParameter("o", operator);
                }
                List<Object[]> candidates = query.getResultList();
                for (Object[] candidate : candidates) {
                    long entryId = (Long) candidate[0];
                    after = Math.max(after, entryId);
                    ListEntry entry = em.find(ListEntry.class, entryId);
                    Contact contact = em.find(Contact.class, entry.getContactId());
                    Long callbackId = (Long) candidate[1];
                    if (!mayCall(campaign, rules, entry, contact)
                            || !take(step, entry, callbackId, operator, now, rules, zones)) {
                        continue;
                    }
                    em.refresh(entry);
                    em.refresh(contact);
                    if (!mayCall(campaign, rules, entry, contact)) {
                        // a do-not-call entry or a contact's objection that arrived while it was being taken
                        release(entry.getId(), operator);
                        continue;
                    }
                    Callback callback = callbackId == null ? null : em.find(Callback.class, callbackId);
                    return Optional.of(new Offer(entry, contact, step.kind(), callback, rules, now));
                }
                if (candidates.size() < BATCH) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One kind of offer: the query that finds candidates, and the condition that makes an entry of that kind due,
     * which the take repeats on the row itself.
     */
    private record Step(Kind kind, String jpql, String due, boolean own) {
    }

    /** The zones of the campaign's open entries whose calling window is open now. */
    private List<String> openZones(long campaignId, OutboundRules rules, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        CallingWindow window = new CallingWindow(rules.getWindowStart(), rules.getWindowEnd(),
                holidays.datesBetween(today.minusDays(1), today.plusDays(1)));
        List<String> open = new ArrayList<>();
        for (String zone : em.createQuery("SELECT DISTINCT e.timeZone FROM ListEntry e WHERE e.campaignId = :c"
                + " AND e.done = false", String.class).setParameter("c", campaignId).getResultList()) {
            if (window.isOpen(ZoneId.of(zone), now)) {
                open.add(zone);
            }
        }
        return open;
    }

    /** The checks that need the contact and the do-not-call lists, made for each candidate as it comes. */
    boolean mayCall(Campaign campaign, OutboundRules rules, ListEntry entry, Contact contact) {
        return contact != null && contact.isActive() && !contact.isDoNotCall()
                && (!rules.isNeedsConsent() || contact.isConsentGiven())
                && permissions.mayCall(entry.getNumber(), campaign.getClientId())
                && vetoes.stream().noneMatch(veto -> veto.vetoes(campaign, contact));
    }

    /**
     * Takes the entry for the operator in one conditional update that repeats every condition that made it
     * offerable, on the row as it is now: the version the checks above were made on (an outcome, a reschedule or
     * another take since then changes it), not done, not held, under the attempt limit, inside an open calling
     * window, and due as the step requires (a fresh entry untried, a retry whose time has come, a callback still
     * open and due). True when this operator holds it now. On PostgreSQL and H2 a concurrent update of the same
     * row makes this one wait and then re-read the row, so of two takes exactly one matches.
     */
    private boolean take(Step step, ListEntry entry, Long callbackId, String operator, Instant now,
            OutboundRules rules, List<String> zones) {
        var update = em.createQuery("UPDATE ListEntry e SET e.lockedBy = :o, e.lockedUntil = :until,"
                + " e.version = e.version + 1 WHERE e.id = :id AND e.version = :version AND e.done = false"
                + " AND e.attempts < :max AND e.timeZone IN :zones AND (e.lockedUntil IS NULL OR e.lockedUntil <= :now)"
                + " AND " + step.due())
                .setParameter("o", operator).setParameter("until", now.plus(Duration.ofMinutes(rules.getLockMinutes())))
                .setParameter("id", entry.getId()).setParameter("version", entry.getVersion())
                .setParameter("max", rules.getMaxAttempts()).setParameter("zones", zones).setParameter("now", now);
        if (callbackId != null) {
            update.setParameter("cb", callbackId);
        }
        return update.executeUpdate() == 1;
    }

    /** Gives back an entry this operator took but may not call after all. */
    private void release(long entryId, String operator) {
        em.createQuery("UPDATE ListEntry e SET e.lockedBy = NULL, e.lockedUntil = NULL, e.version = e.version + 1"
                + " WHERE e.id = :id AND e.lockedBy = :o").setParameter("id", entryId).setParameter("o", operator)
                .executeUpdate();
    }

    Callback openCallback(long entryId) {
        return em.createQuery("SELECT cb FROM Callback cb WHERE cb.entryId = :e"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN", Callback.class)
                .setParameter("e", entryId).getResultStream().findFirst().orElse(null);
    }
}
