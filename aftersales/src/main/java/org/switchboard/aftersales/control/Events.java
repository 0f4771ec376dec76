package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.errors.Problem.Violation;
import org.switchboard.core.errors.ProblemException;

/** Events clients are invited to, and who accepted an invitation. */
@ApplicationScoped
public class Events {

    /** An event as a marketer describes it. */
    public record Draft(String name, LocalDate date, String place, LocalDate inviteUntil, String description) {
    }

    /** A contact who accepted an invitation on a call: the task it was accepted on, and when. */
    public record Attendee(long contactId, String fullName, String phone, Instant acceptedAt, long taskId) {
    }

    /**
     * Contacts whose task for a rule of the event was accepted; the phone is the number the invitation was made
     * on, or else the contact's first number. A contact invited by two rules is listed once, with the first acceptance.
     */
    public static final String ATTENDEES_SQL = """
            SELECT t.contact_id, c.full_name,
                   COALESCE(e.number, (SELECT MIN(p.number) FROM leads_contact_phone p WHERE p.contact_id = t.contact_id)),
                   t.outcome_at, t.id
              FROM aftersales_task t
              JOIN aftersales_rule r ON r.id = t.rule_id
              JOIN leads_contact c ON c.id = t.contact_id
              LEFT JOIN calls_list_entry e ON e.id = t.entry_id
             WHERE r.event_id = ?1 AND t.state = 'ACCEPTED'
             ORDER BY c.full_name, t.contact_id, t.outcome_at, t.id""";

    @PersistenceContext
    EntityManager em;

    public Event create(Draft draft) {
        check(draft);
        Event event = new Event(draft.name(), draft.date(), blankToNull(draft.place()), draft.inviteUntil(),
                blankToNull(draft.description()));
        em.persist(event);
        return event;
    }

    public void update(Event event, Draft draft) {
        check(draft);
        event.describe(draft.name(), draft.date(), blankToNull(draft.place()), draft.inviteUntil(),
                blankToNull(draft.description()));
        em.flush(); // the answer carries the new version
    }

    public Event find(long id) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            throw ProblemException.notFound("There is no after-sales event " + id);
        }
        return event;
    }

    /** Events, the coming ones first unless the caller sorts otherwise; from= leaves out those before a day. */
    public Page<Event> list(LocalDate from, PageRequest page) {
        return from == null
                ? Queries.page(em, Event.class, "Event", "e", "", Map.of(), page)
                : Queries.page(em, Event.class, "Event", "e", " WHERE e.date >= :from", Map.of("from", from), page);
    }

    public List<Attendee> attendees(Event event) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ATTENDEES_SQL).setParameter(1, event.getId()).getResultList();
        return attendees(rows);
    }

    /** Turns the rows of {@link #ATTENDEES_SQL} into attendees, one per contact. */
    public static List<Attendee> attendees(List<Object[]> rows) {
        List<Attendee> list = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Object[] row : rows) {
            long contact = ((Number) row[0]).longValue();
            if (seen.add(contact)) {
                list.add(new Attendee(contact, (String) row[1], (String) row[2], instant(row[3]),
                        ((Number) row[4]).longValue()));
            }
        }
        return list;
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private static void check(Draft d) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            v.add(new Violation("name", "is required"));
        } else if (d.name().trim().length() > 300) {
            v.add(new Violation("name", "must be at most 300 characters"));
        }
        if (d.date() == null) {
            v.add(new Violation("date", "is required: the day of the event (YYYY-MM-DD)"));
        } else if (d.inviteUntil() != null && d.inviteUntil().isAfter(d.date())) {
            v.add(new Violation("inviteUntil", "cannot be after the event (" + d.date() + ")"));
        }
        if (d.place() != null && d.place().length() > 500) {
            v.add(new Violation("place", "must be at most 500 characters"));
        }
        if (d.description() != null && d.description().length() > 4000) {
            v.add(new Violation("description", "must be at most 4000 characters"));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
