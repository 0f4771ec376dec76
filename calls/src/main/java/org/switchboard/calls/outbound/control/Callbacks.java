package org.switchboard.calls.outbound.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/** Callbacks: planned, listed (due today, overdue), reassigned, cancelled with a reason — never silently dropped. */
@ApplicationScoped
public class Callbacks {

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    CallCentre callCentre;

    @Inject
    CallLists lists;

    /**
     * The due time as written: an instant with offset ({@code 2026-12-01T10:00:00+10:00}), or a local date-time
     * ({@code 2026-12-01T10:00}) read in the contact's zone.
     */
    public static Instant dueAt(String written, ZoneId contactZone, String field) {
        if (written == null || written.isBlank()) {
            throw ProblemException.invalid(field, "is required: when to call back, e.g. 2026-12-01T10:00 in the contact's local time");
        }
        try {
            return OffsetDateTime.parse(written.trim()).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(written.trim()).atZone(contactZone).toInstant();
            } catch (DateTimeException e) {
                throw ProblemException.invalid(field, "is not a time; write 2026-12-01T10:00 (contact's local time)"
                        + " or with an offset, 2026-12-01T10:00:00+03:00");
            }
        }
    }

    /** Plans a callback on an entry; {@code owner} null puts it in the pool. The entry waits for it. */
    public Callback plan(ListEntry entry, Instant due, String owner, String note, String by) {
        Instant now = clock.now();
        if (!due.isAfter(now.minus(Duration.ofMinutes(1)))) {
            throw ProblemException.invalid("callbackAt", "is in the past; a callback is planned for later");
        }
        if (owner != null) {
            requireOperator(owner, "owner");
        }
        Duration grace = Duration.ofMinutes(lists.rules(entry.getCampaignId()).getCallbackGraceMinutes());
        Callback callback = new Callback(entry, due, grace, owner, note, by, now);
        em.persist(callback);
        entry.planFor(due);
        em.flush();
        return callback;
    }

    /** The entry's open callback, or null. */
    public Callback openOn(long entryId) {
        return em.createQuery("SELECT cb FROM Callback cb WHERE cb.entryId = :e"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN ORDER BY cb.id", Callback.class)
                .setParameter("e", entryId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Closes the entry's open callbacks: a call on the entry kept the promise. */
    public void keep(long entryId, String by, Long except) {
        Instant now = clock.now();
        for (Callback callback : em.createQuery("SELECT cb FROM Callback cb WHERE cb.entryId = :e"
                + " AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN", Callback.class)
                .setParameter("e", entryId).getResultList()) {
            if (!callback.getId().equals(except)) {
                callback.done(by, now);
            }
        }
    }

    /** Which callbacks to list. */
    public record Filter(String owner, boolean poolOnly, LocalDate dueOn, boolean overdueOnly, Long campaignId,
            Callback.State state, Long clientScope, Long contactId) {
    }

    public Page<Callback> list(Filter f, PageRequest page) {
        Instant now = clock.now();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (f.state() != null) {
            where.append(" AND cb.state = :state");
            params.add(new Object[] {"state", f.state()});
        }
        if (f.owner() != null) {
            where.append(" AND cb.owner = :owner");
            params.add(new Object[] {"owner", f.owner()});
        }
        if (f.poolOnly()) {
            where.append(" AND cb.owner IS NULL");
        }
        if (f.dueOn() != null) {
            // due that day, and whatever is still open from before it
            where.append(" AND cb.dueAt < :dayEnd");
            params.add(new Object[] {"dayEnd", callCentre.startOf(f.dueOn().plusDays(1))});
        }
        if (f.overdueOnly()) {
            // past its due time plus the campaign's grace period, and not taken
            where.append(" AND cb.state = org.switchboard.calls.outbound.entity.Callback.State.OPEN AND cb.escalateAt < :now");
            params.add(new Object[] {"now", now});
        }
        if (f.campaignId() != null) {
            where.append(" AND cb.campaignId = :campaign");
            params.add(new Object[] {"campaign", f.campaignId()});
        }
        if (f.contactId() != null) {
            where.append(" AND cb.contactId = :contact");
            params.add(new Object[] {"contact", f.contactId()});
        }
        if (f.clientScope() != null) {
            where.append(" AND cb.campaignId IN (SELECT k.id FROM Campaign k WHERE k.clientId = :client)");
            params.add(new Object[] {"client", f.clientScope()});
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(cb) FROM Callback cb" + where, Long.class);
        TypedQuery<Callback> items = em.createQuery("SELECT cb FROM Callback cb" + where + " ORDER BY cb.dueAt, cb.id",
                Callback.class);
        for (Object[] p : params) {
            count.setParameter((String) p[0], p[1]);
            items.setParameter((String) p[0], p[1]);
        }
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult(), page.page(), page.size());
    }

    public Callback find(long id, Long clientScope) {
        Callback callback = em.find(Callback.class, id);
        if (callback == null || (clientScope != null && !clientScope.equals(lists.campaignClient(callback.getCampaignId())))) {
            throw ProblemException.notFound("There is no callback " + id);
        }
        return callback;
    }

    /** A supervisor gives the callback to another operator or the pool, or moves it. */
    public Callback reassign(Callback callback, String owner, Instant due, String note) {
        if (callback.getState() != Callback.State.OPEN) {
            throw ProblemException.conflict("Callback " + callback.getId() + " is " + callback.getState());
        }
        if (owner != null) {
            requireOperator(owner, "owner");
        }
        callback.reassign(owner, due, Duration.ofMinutes(lists.rules(callback.getCampaignId()).getCallbackGraceMinutes()), note);
        if (due != null) {
            em.find(ListEntry.class, callback.getEntryId()).planFor(due);
        }
        em.flush();
        return callback;
    }

    public Callback cancel(Callback callback, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required: a callback is cancelled only with a reason");
        }
        if (callback.getState() != Callback.State.OPEN) {
            throw ProblemException.conflict("Callback " + callback.getId() + " is " + callback.getState());
        }
        callback.cancel(reason, by, clock.now());
        em.find(ListEntry.class, callback.getEntryId()).planFor(null);
        em.flush();
        return callback;
    }

    private void requireOperator(String username, String field) {
        boolean operator = em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username.toLowerCase(Locale.ROOT)).getResultStream()
                .anyMatch(u -> u.has(Role.OPERATOR) && u.canLogIn());
        if (!operator) {
            throw ProblemException.invalid(field, "names no active operator: '" + username + "'");
        }
    }
}
