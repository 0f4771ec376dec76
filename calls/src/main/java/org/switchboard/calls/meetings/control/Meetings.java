package org.switchboard.calls.meetings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.meetings.entity.Meeting;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;

/**
 * Books, moves and cancels meetings, and finds them for whoever asks. The calendar rule — a manager never has
 * two overlapping SCHEDULED meetings; back-to-back is fine — is checked while the manager's {@code core_user}
 * row is locked ({@code SELECT … FOR UPDATE}), so two bookings for one manager run one after the other even
 * when they arrive at the same moment, and the second sees the first. Everything here runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class Meetings {

    /** API sort field → JPQL path. */
    public static final Map<String, String> SORTABLE = Map.of("start", "startsAt", "end", "endsAt",
            "createdAt", "createdAt", "manager", "manager");

    /** How far into the past a manager's calendar feed reaches. */
    public static final Duration FEED_HISTORY = Duration.ofDays(30);

    static final int MAX_PLACE = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_REASON = 500;

    /** A meeting to book; {@code callId} and {@code campaign} are optional (the campaign defaults to the call's). */
    public record Booking(long contactId, String manager, java.time.Instant start, java.time.Instant end, String place,
            String note, Long callId, String campaign) {
    }

    /**
     * A change of a booked meeting, with the {@code version} that was read. {@code SCHEDULED} replaces manager,
     * start, end, place and note (the meeting may move); {@code CANCELLED} cancels with {@code cancelReason} and
     * changes nothing else — manager, start and end may then be left out, and must be the current ones if sent.
     */
    public record Change(String manager, Instant start, Instant end, String place, String note, Meeting.State state,
            String cancelReason, Long version) {
    }

    /** Who reads: a client scope (CLIENT users), and an operator who sees only the meetings they booked. */
    public record Viewer(Long clientScope, String onlyBookedBy) {
        public static final Viewer EVERYTHING = new Viewer(null, null);
    }

    /** Filters of the meeting list; {@code from}/{@code to} select meetings that overlap that period. */
    public record Filter(String manager, Instant from, Instant to, Long contactId, String campaign,
            Meeting.State state) {
    }

    /** A manager's calendar: its name and its meetings with what the events show. */
    public record Feed(String name, List<MeetingCalendar.Entry> entries) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    /** Validates and books in the caller's transaction; ProblemException 400 (violations) / 409 (overlap). */
    public Meeting book(Booking booking, String bookedBy) {
        Instant now = clock.now();
        List<Problem.Violation> violations = new ArrayList<>();
        checkContact(booking.contactId(), violations);
        Call call = null;
        if (booking.callId() != null) {
            call = em.find(Call.class, booking.callId());
            if (call == null) {
                violations.add(new Problem.Violation("callId", "names no call: there is no call " + booking.callId()));
            } else if (call.getContactId() != null && call.getContactId() != booking.contactId()) {
                violations.add(new Problem.Violation("callId", "is a call with another contact (contact "
                        + call.getContactId() + ")"));
            }
        }
        String campaign = blank(booking.campaign()) ? (call == null ? null : call.getCampaign())
                : Campaigns.normalizeCode(booking.campaign());
        Long clientId = null;
        if (campaign != null) {
            Campaign found = campaignByCode(campaign);
            if (found == null) {
                violations.add(new Problem.Violation("campaign", "names no campaign: there is no campaign '"
                        + campaign + "'"));
            } else {
                clientId = found.getClientId();
            }
        }
        checkPeriod(booking.start(), booking.end(), now, true, violations);
        checkTexts(booking.place(), booking.note(), violations);
        String manager = username(booking.manager());
        lockCalendar(manager);
        checkManager(manager, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        requireFree(manager, booking.start(), booking.end(), null);
        Meeting meeting = new Meeting(booking.contactId(), manager, booking.start(), booking.end(),
                trimmed(booking.place()), trimmed(booking.note()), booking.callId(), campaign, clientId, bookedBy, now);
        em.persist(meeting);
        em.flush();
        return meeting;
    }

    /** The sales managers meetings are booked with: users with role SUPERVISOR who can log in, by name. */
    public List<User> managers() {
        return em.createQuery("SELECT u FROM User u JOIN u.roles r WHERE r = :role AND u.enabled = true"
                + " AND u.deletedAt IS NULL ORDER BY u.fullName, u.username", User.class)
                .setParameter("role", Role.SUPERVISOR).getResultList();
    }

    /** Moves, rewrites or cancels a meeting; 409 when the version is stale, the meeting cancelled or the slot taken. */
    public Meeting change(long id, Change change) {
        Meeting meeting = find(id);
        ProblemException.requireVersion("Meeting " + id, change.version(), meeting.getVersion());
        if (meeting.isCancelled()) {
            throw ProblemException.conflict("Meeting " + id + " is cancelled and stays as it is; book a new one");
        }
        Instant now = clock.now();
        List<Problem.Violation> violations = new ArrayList<>();
        if (change.state() == Meeting.State.CANCELLED) {
            cancel(meeting, change, now, violations);
            return meeting;
        }
        if (change.cancelReason() != null) {
            violations.add(new Problem.Violation("cancelReason", "goes only with state CANCELLED"));
        }
        boolean moved = !Objects.equals(change.start(), meeting.getStart())
                || !Objects.equals(change.end(), meeting.getEnd());
        checkPeriod(change.start(), change.end(), now, moved, violations);
        checkTexts(change.place(), change.note(), violations);
        String manager = username(change.manager());
        lockCalendar(manager);
        checkManager(manager, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        requireFree(manager, change.start(), change.end(), meeting.getId());
        meeting.reschedule(manager, change.start(), change.end(), trimmed(change.place()), trimmed(change.note()), now);
        em.flush();
        return meeting;
    }

    private void cancel(Meeting meeting, Change change, Instant now, List<Problem.Violation> violations) {
        if (blank(change.cancelReason())) {
            violations.add(new Problem.Violation("cancelReason", "is required to cancel a meeting"));
        } else if (change.cancelReason().trim().length() > MAX_REASON) {
            violations.add(new Problem.Violation("cancelReason", "must be at most " + MAX_REASON + " characters long"));
        }
        String unchanged = "cannot change while cancelling; leave it out or send the current value";
        if (change.manager() != null && !username(change.manager()).equals(meeting.getManager())) {
            violations.add(new Problem.Violation("manager", unchanged));
        }
        if (change.start() != null && !change.start().equals(meeting.getStart())) {
            violations.add(new Problem.Violation("start", unchanged));
        }
        if (change.end() != null && !change.end().equals(meeting.getEnd())) {
            violations.add(new Problem.Violation("end", unchanged));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        meeting.cancel(change.cancelReason(), now);
        em.flush();
    }

    public Meeting find(long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw ProblemException.notFound("There is no meeting " + id);
        }
        return meeting;
    }

    /** A meeting the viewer may see; any other answers 404 as if it did not exist. */
    public Meeting visible(long id, Viewer viewer) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null || !maySee(meeting, viewer)) {
            throw ProblemException.notFound("There is no meeting " + id);
        }
        return meeting;
    }

    static boolean maySee(Meeting meeting, Viewer viewer) {
        return (viewer.clientScope() == null || viewer.clientScope().equals(meeting.getClientId()))
                && (viewer.onlyBookedBy() == null || viewer.onlyBookedBy().equals(meeting.getBookedBy()));
    }

    public Page<Meeting> list(Filter f, Viewer viewer, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (viewer.clientScope() != null) {
            where.append(" AND m.clientId = :scope");
            params.put("scope", viewer.clientScope());
        }
        if (viewer.onlyBookedBy() != null) {
            where.append(" AND m.bookedBy = :me");
            params.put("me", viewer.onlyBookedBy());
        }
        if (!blank(f.manager())) {
            where.append(" AND m.manager = :manager");
            params.put("manager", username(f.manager()));
        }
        if (f.from() != null) {
            where.append(" AND m.endsAt > :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" AND m.startsAt < :to");
            params.put("to", f.to());
        }
        if (f.contactId() != null) {
            where.append(" AND m.contactId = :contact");
            params.put("contact", f.contactId());
        }
        if (!blank(f.campaign())) {
            where.append(" AND m.campaign = :campaign");
            params.put("campaign", Campaigns.normalizeCode(f.campaign()));
        }
        if (f.state() != null) {
            where.append(" AND m.state = :state");
            params.put("state", f.state());
        }
        return Queries.page(em, Meeting.class, "Meeting", "m", where, params, page);
    }

    /** A manager's meetings from {@link #FEED_HISTORY} ago on, cancelled ones included (calendars strike them out). */
    public Feed feed(String managerName) {
        String manager = username(managerName);
        User user = userNamed(manager);
        if (user == null) {
            throw ProblemException.notFound("There is no user '" + manager + "'");
        }
        List<Meeting> meetings = em.createQuery("SELECT m FROM Meeting m WHERE m.manager = :manager"
                + " AND m.startsAt >= :since ORDER BY m.startsAt, m.id", Meeting.class)
                .setParameter("manager", manager).setParameter("since", clock.now().minus(FEED_HISTORY))
                .getResultList();
        return new Feed("Meetings of " + user.getFullName(), entries(meetings));
    }

    /** The meetings with the contacts' names and main numbers and the managers' names, looked up in bulk. */
    public List<MeetingCalendar.Entry> entries(List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return List.of();
        }
        Set<Long> contactIds = meetings.stream().map(Meeting::getContactId).collect(Collectors.toSet());
        Map<Long, Contact> contacts = em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                .setParameter("ids", contactIds).getResultStream()
                .collect(Collectors.toMap(Contact::getId, Function.identity()));
        Set<String> managers = meetings.stream().map(Meeting::getManager).collect(Collectors.toSet());
        Map<String, String> names = em.createQuery("SELECT u FROM User u WHERE u.username IN :names", User.class)
                .setParameter("names", managers).getResultStream()
                .collect(Collectors.toMap(User::getUsername, User::getFullName));
        List<MeetingCalendar.Entry> entries = new ArrayList<>();
        for (Meeting m : meetings) {
            Contact contact = contacts.get(m.getContactId());
            entries.add(new MeetingCalendar.Entry(m, contact == null ? null : contact.getFullName(),
                    contact == null ? null : contact.mainNumber(), names.get(m.getManager())));
        }
        return entries;
    }

    /**
     * Locks the manager's user row until the transaction ends, so that bookings for one manager are checked
     * one at a time. A plain row lock works the same on H2 and PostgreSQL; an unknown username locks nothing
     * (and is refused by {@link #checkManager}).
     */
    private void lockCalendar(String manager) {
        if (manager == null) {
            return;
        }
        try {
            em.createNativeQuery("SELECT id FROM core_user WHERE username = ?1 FOR UPDATE")
                    .setParameter(1, manager).getResultList();
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw ProblemException.conflict("The calendar of '" + manager
                    + "' is being changed by someone else right now; try again");
        }
    }

    private void requireFree(String manager, Instant start, Instant end, Long except) {
        em.createQuery("SELECT m FROM Meeting m WHERE m.manager = :manager AND m.state = :scheduled"
                + " AND m.startsAt < :end AND m.endsAt > :start AND m.id <> :except ORDER BY m.startsAt, m.id",
                Meeting.class)
                .setParameter("manager", manager).setParameter("scheduled", Meeting.State.SCHEDULED)
                .setParameter("start", start).setParameter("end", end)
                .setParameter("except", except == null ? -1L : except)
                .setMaxResults(1).getResultStream().findFirst().ifPresent(taken -> {
                    Map<String, Object> existing = new LinkedHashMap<>();
                    existing.put("id", taken.getId());
                    existing.put("href", "/api/meetings/" + taken.getId());
                    existing.put("start", taken.getStart());
                    existing.put("end", taken.getEnd());
                    throw ProblemException.conflict("'" + manager + "' already has meeting " + taken.getId() + " from "
                            + taken.getStart() + " to " + taken.getEnd() + "; choose a time outside it "
                            + "(a meeting may start when another ends)", existing);
                });
    }

    private void checkContact(long contactId, List<Problem.Violation> violations) {
        if (contactId <= 0) {
            violations.add(new Problem.Violation("contactId", "is required: the id of the contact to meet"));
            return;
        }
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null) {
            violations.add(new Problem.Violation("contactId", "names no contact: there is no contact " + contactId));
        } else if (!contact.isActive()) {
            violations.add(new Problem.Violation("contactId", "names a contact that is no longer active "
                    + "(deleted, merged or erased)"));
        }
    }

    private void checkManager(String manager, List<Problem.Violation> violations) {
        if (manager == null) {
            violations.add(new Problem.Violation("manager", "is required: the username of a SUPERVISOR"));
            return;
        }
        User user = userNamed(manager);
        if (user == null) {
            violations.add(new Problem.Violation("manager", "names no user: there is no user '" + manager + "'"));
        } else if (!user.canLogIn()) {
            violations.add(new Problem.Violation("manager", "names a disabled or deleted user"));
        } else if (!user.has(Role.SUPERVISOR)) {
            violations.add(new Problem.Violation("manager", "must be a sales manager (a user with role SUPERVISOR)"));
        }
    }

    /** End after start, at most {@link Meeting#MAX_LENGTH}; a new or moved meeting must not start in the past. */
    static void checkPeriod(Instant start, Instant end, Instant now, boolean newTime,
            List<Problem.Violation> violations) {
        if (start == null) {
            violations.add(new Problem.Violation("start", "is required: an ISO-8601 instant with offset"));
        }
        if (end == null) {
            violations.add(new Problem.Violation("end", "is required: an ISO-8601 instant with offset"));
        }
        if (start == null || end == null) {
            return;
        }
        if (!end.isAfter(start)) {
            violations.add(new Problem.Violation("end", "must be after start"));
        } else if (Duration.between(start, end).compareTo(Meeting.MAX_LENGTH) > 0) {
            violations.add(new Problem.Violation("end", "must be at most " + Meeting.MAX_LENGTH.toHours()
                    + " hours after start"));
        }
        if (newTime && start.isBefore(now)) {
            violations.add(new Problem.Violation("start", "must not be in the past"));
        }
    }

    private static void checkTexts(String place, String note, List<Problem.Violation> violations) {
        if (place != null && place.trim().length() > MAX_PLACE) {
            violations.add(new Problem.Violation("place", "must be at most " + MAX_PLACE + " characters long"));
        }
        if (note != null && note.trim().length() > MAX_NOTE) {
            violations.add(new Problem.Violation("note", "must be at most " + MAX_NOTE + " characters long"));
        }
    }

    private Campaign campaignByCode(String code) {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.code = :code", Campaign.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private User userNamed(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                .setParameter("u", username).getResultStream().findFirst().orElse(null);
    }

    private static String username(String value) {
        return blank(value) ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
