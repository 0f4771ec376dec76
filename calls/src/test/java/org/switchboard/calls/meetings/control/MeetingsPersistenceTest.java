package org.switchboard.calls.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.calls.meetings.entity.Meeting;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.LeadsModule;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;
import org.switchboard.leads.entity.DncEntry;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatusChange;

/**
 * Meetings on the real migrations (core, leads, calls), validated against the mapping, with the control working
 * on a real database: validation, the overlap rule, and two bookings of one manager's slot in parallel
 * transactions — the second waits for the first's lock and then sees its meeting.
 */
class MeetingsPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Company.class, Contact.class, ContactPhone.class,
            Lead.class, LeadStatusChange.class, DncEntry.class, Call.class, Listen.class, Meeting.class);

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant NINE = NOW.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
    static final Instant TEN = NINE.plus(Duration.ofHours(1));
    static final Instant ELEVEN = TEN.plus(Duration.ofHours(1));

    static List<String> databases() {
        return TestDatabases.available();
    }

    record Fixture(long contactId, String campaign, long clientId) {
    }

    static Meetings meetings(Session session) {
        Meetings meetings = new Meetings();
        meetings.em = session;
        meetings.clock = new AppClock();
        return meetings;
    }

    static <T> T inTransaction(SessionFactory sessions, Function<Meetings, T> work) {
        return sessions.fromTransaction(s -> work.apply(meetings(s)));
    }

    static Fixture fixture(SessionFactory sessions) {
        return sessions.fromTransaction(s -> {
            s.persist(new User("boss", "hash", "Olga Boss", EnumSet.of(Role.SUPERVISOR), NOW));
            s.persist(new User("deputy", "hash", "Petr Deputy", EnumSet.of(Role.SUPERVISOR), NOW));
            s.persist(new User("op1", "hash", "Ivan Operator", EnumSet.of(Role.OPERATOR), NOW));
            User gone = new User("gone", "hash", "Gone Boss", EnumSet.of(Role.SUPERVISOR), NOW);
            gone.setEnabled(false);
            s.persist(gone);
            Client client = new Client("Meetings Client", NOW);
            s.persist(client);
            s.flush();
            Campaign campaign = new Campaign("ADS-DEC", CampaignType.OUTBOUND, client.getId(), NOW);
            campaign.describe("December ads", null, null, true);
            s.persist(campaign);
            Contact contact = new Contact(NOW);
            contact.describe(new Contact.Details("Иван Петров", Map.of("+78124483454", "work"), Set.of(), null, null,
                    null, null, null, Set.of(), null, null, Contact.Consent.NONE, false, null, null),
                    ZoneId.of("Europe/Moscow"));
            s.persist(contact);
            return new Fixture(contact.getId(), campaign.getCode(), client.getId());
        });
    }

    static Meetings.Booking booking(long contactId, String manager, Instant start, Instant end) {
        return new Meetings.Booking(contactId, manager, start, end, " Nevsky pr. 28, office 5 ", "bring the price list",
                null, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theManagersToBookWithAreTheSupervisorsWhoCanLogInByName(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            fixture(sessions);
            List<String> managers = inTransaction(sessions, m -> m.managers().stream().map(User::getUsername).toList());
            assertThat(managers).containsExactly("boss", "deputy");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void meetingsAreBookedStoredAndFound(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            Meeting booked = inTransaction(sessions, m -> m.book(new Meetings.Booking(f.contactId(), " Boss ", NINE, TEN,
                    "Office", null, null, "ads-dec"), "op1"));
            assertThat(booked.getId()).isNotNull();
            Meeting loaded = sessions.fromSession(s -> s.find(Meeting.class, booked.getId()));
            assertThat(loaded.getManager()).isEqualTo("boss");
            assertThat(loaded.getStart()).isEqualTo(NINE);
            assertThat(loaded.getEnd()).isEqualTo(TEN);
            assertThat(loaded.getCampaign()).isEqualTo("ADS-DEC");
            assertThat(loaded.getClientId()).isEqualTo(f.clientId());
            assertThat(loaded.getBookedBy()).isEqualTo("op1");
            assertThat(loaded.getState()).isEqualTo(Meeting.State.SCHEDULED);
            assertThat(loaded.getVersion()).isZero();

            Meeting second = inTransaction(sessions, m -> m.book(booking(f.contactId(), "boss", TEN, ELEVEN), "op1"));
            assertThat(second.getPlace()).as("trimmed").isEqualTo("Nevsky pr. 28, office 5");

            var page = sessions.fromSession(s -> meetings(s).list(new Meetings.Filter("boss", NINE.plusSeconds(1),
                    null, f.contactId(), null, null), Meetings.Viewer.EVERYTHING,
                    org.switchboard.core.api.PageRequest.of(null, null, null, Meetings.SORTABLE, "-start")));
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.items()).extracting(Meeting::getId).containsExactly(second.getId(), booked.getId());
            var clientsView = sessions.fromSession(s -> meetings(s).list(new Meetings.Filter(null, null, null, null,
                    null, null), new Meetings.Viewer(f.clientId(), null),
                    org.switchboard.core.api.PageRequest.of(null, null, null, Meetings.SORTABLE, "start")));
            assertThat(clientsView.items()).extracting(Meeting::getId).containsExactly(booked.getId());

            Meetings.Feed feed = sessions.fromSession(s -> meetings(s).feed("boss"));
            assertThat(feed.name()).isEqualTo("Meetings of Olga Boss");
            assertThat(feed.entries()).extracting(MeetingCalendar.Entry::contactName)
                    .containsExactly("Иван Петров", "Иван Петров");
            assertThat(feed.entries().get(0).contactPhone()).isEqualTo("+78124483454");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void overlapsAreRefusedAndBackToBackIsFine(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            Meeting first = inTransaction(sessions, m -> m.book(booking(f.contactId(), "boss", NINE, TEN), "op1"));
            ProblemException clash = catchThrowableOfType(ProblemException.class, () -> inTransaction(sessions,
                    m -> m.book(booking(f.contactId(), "boss", NINE.plus(Duration.ofMinutes(30)), ELEVEN), "op1")));
            assertThat(clash.status()).isEqualTo(409);
            assertThat(clash.existing()).isEqualTo(Map.of("id", first.getId(), "href", "/api/meetings/" + first.getId(),
                    "start", NINE, "end", TEN));
            Meeting backToBack = inTransaction(sessions, m -> m.book(booking(f.contactId(), "boss", TEN, ELEVEN), "op1"));
            assertThat(backToBack.getId()).as("back to back").isNotNull();
            Meeting otherManager = inTransaction(sessions, m -> m.book(booking(f.contactId(), "deputy", NINE, TEN), "op1"));
            assertThat(otherManager.getId()).as("another manager").isNotNull();

            // moving into a taken slot is refused; a cancelled meeting frees its slot
            Meeting late = inTransaction(sessions, m -> m.book(booking(f.contactId(), "boss", ELEVEN,
                    ELEVEN.plusSeconds(3600)), "op1"));
            assertThatThrownBy(() -> inTransaction(sessions, m -> m.change(late.getId(), new Meetings.Change("boss",
                    TEN.minusSeconds(60), ELEVEN, null, null, Meeting.State.SCHEDULED, null, 0L))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
            inTransaction(sessions, m -> m.change(first.getId(), new Meetings.Change(null, null, null, null, null,
                    Meeting.State.CANCELLED, "client ill", 0L)));
            Meeting moved = inTransaction(sessions, m -> m.change(late.getId(), new Meetings.Change("boss", NINE,
                    TEN, "Zoom", null, Meeting.State.SCHEDULED, null, 0L)));
            assertThat(moved.getVersion()).isEqualTo(1);
            assertThat(moved.getStart()).isEqualTo(NINE);
            assertThatThrownBy(() -> inTransaction(sessions, m -> m.change(late.getId(), new Meetings.Change("boss",
                    NINE, TEN, "Office", null, Meeting.State.SCHEDULED, null, 0L))))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.title()).isEqualTo("Edit conflict");
                    });
            assertThatThrownBy(() -> inTransaction(sessions, m -> m.change(first.getId(), new Meetings.Change("boss",
                    NINE, TEN, null, null, Meeting.State.SCHEDULED, null, 1L))))
                    .as("a cancelled meeting stays cancelled")
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badBookingsListEveryViolation(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            assertThat(violations(sessions, new Meetings.Booking(f.contactId() + 1000, "op1", TEN, NINE, null, null,
                    999_999L, "NO-SUCH"))).containsExactly("contactId", "callId", "campaign", "end", "manager");
            assertThat(violations(sessions, new Meetings.Booking(0, "gone", NINE, TEN, null, null, null, null)))
                    .containsExactly("contactId", "manager");
            assertThat(violations(sessions, new Meetings.Booking(f.contactId(), "nobody", NOW.minusSeconds(3600), NOW,
                    "x".repeat(501), null, null, null))).containsExactly("start", "place", "manager");
            sessions.inTransaction(s -> s.find(Contact.class, f.contactId()).delete(NOW));
            assertThat(violations(sessions, booking(f.contactId(), "boss", NINE, TEN))).containsExactly("contactId");
        }
    }

    static List<String> violations(SessionFactory sessions, Meetings.Booking booking) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> inTransaction(sessions, m -> m.book(booking, "op1")));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e.violations().stream().map(Problem.Violation::field).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondBookingOfTheSameSlotWaitsForTheFirstAndThenSeesIt(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Fixture f = fixture(sessions);
            try (Session first = sessions.openSession()) {
                first.beginTransaction();
                Meeting held = meetings(first).book(booking(f.contactId(), "boss", NINE, TEN), "op1");
                CompletableFuture<Meeting> second = CompletableFuture.supplyAsync(() -> inTransaction(sessions,
                        m -> m.book(booking(f.contactId(), "boss", NINE.plusSeconds(600), TEN), "op2")));
                Thread.sleep(300);
                assertThat(second).as("waits for the lock on the manager").isNotDone();
                first.getTransaction().commit();
                Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                        () -> second.get(10, TimeUnit.SECONDS)).getCause();
                assertThat(failure).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.existing()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                            .containsEntry("id", held.getId());
                });
            }
            long stored = sessions.fromSession(s -> s.createQuery("SELECT COUNT(m) FROM Meeting m", Long.class)
                    .getSingleResult());
            assertThat(stored).isEqualTo(1);
        }
    }
}
