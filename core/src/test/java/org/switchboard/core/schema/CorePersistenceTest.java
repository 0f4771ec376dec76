package org.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.integrity.entity.TamperEntry;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.mail.entity.MailAttachment;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.control.ThresholdTimeline;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.settings.entity.ThresholdVersion;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;

/** Core's migrations on a real database, the mapping validated against them, and a round trip with audit. */
class CorePersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, org.switchboard.core.holidays.entity.Holiday.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, MailMessage.class, MailAttachment.class,
            TamperEntry.class, ThresholdVersion.class,
            org.switchboard.core.people.entity.ExtensionMapping.class,
            org.switchboard.core.security.entity.BrowserSession.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migrationsMatchTheMappingAndAreRepeatable(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            // a second start finds everything applied
            List<SchemaMigrations.Applied> again = SchemaMigrations.migrate(db.dataSource(), List.of(new CoreModule()),
                    getClass().getClassLoader());
            assertThat(again).singleElement().satisfies(a -> {
                assertThat(a.migrationsExecuted()).isZero();
                assertThat(a.schemaVersion()).isEqualTo("10");
            });
            Settings settings = sessions.fromSession(s -> s.find(Settings.class, Settings.SINGLETON));
            assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
            assertThat(settings.thresholds().minTalkSeconds()).isEqualTo(20);
            assertThat(settings.thresholds().longCallSeconds()).isEqualTo(1200);
            assertThat(settings.sessionIdleMinutes()).isEqualTo(30);
            assertThat(settings.infoMailsPerHour()).isEqualTo(30);
            assertThat(settings.backingWindowHours()).isEqualTo(12);
            // the thresholds in force from the beginning are the settings' own, with the 12-hour backing window
            org.switchboard.core.settings.control.ThresholdTimeline timeline = sessions.fromSession(s -> s.doReturningWork(
                    org.switchboard.core.settings.control.ThresholdTimeline::load));
            assertThat(timeline.centre(java.time.LocalDate.of(2026, 1, 1)).minTalkSeconds()).isEqualTo(20);
            assertThat(timeline.centre(java.time.LocalDate.of(1900, 1, 1)).backingWindowHours()).isEqualTo(12);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void usersRoundTripAndEveryChangeLeavesARevision(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-11-28T10:15:30.123456Z");
            Long clientId = sessions.fromTransaction(s -> {
                Client client = new Client("Romashka", now);
                s.persist(client);
                return client.getId();
            });
            Long userId = sessions.fromTransaction(s -> {
                User user = new User("ivan", "hash", "Ivan Petrov", EnumSet.of(Role.CLIENT), now);
                user.assign(EnumSet.of(Role.CLIENT), null, null, clientId);
                s.persist(user);
                return user.getId();
            });
            sessions.inTransaction(s -> s.find(User.class, userId).rename("Ivan P."));

            User loaded = sessions.fromSession(s -> s.find(User.class, userId));
            assertThat(loaded.getRoles()).containsExactly(Role.CLIENT);
            assertThat(loaded.getClientId()).isEqualTo(clientId);
            assertThat(loaded.getCreatedAt()).isEqualTo(now);
            assertThat(loaded.getVersion()).isEqualTo(1);
            long revisions = sessions.fromSession(s -> s.createNativeQuery(
                    "SELECT COUNT(*) FROM core_user_aud WHERE id = :id", Long.class).setParameter("id", userId)
                    .getSingleResult());
            assertThat(revisions).isEqualTo(2);
            String author = sessions.fromSession(s -> s.createQuery("SELECT r.username FROM Revision r ORDER BY r.id DESC",
                    String.class).setMaxResults(1).getSingleResult());
            assertThat(author).isEqualTo("system");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSchemaRefusesDuplicateUsernamesAndExtensions(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            Instant now = Instant.now();
            sessions.inTransaction(s -> {
                User a = new User("olga", "h", "Olga", EnumSet.of(Role.OPERATOR), now);
                a.assign(EnumSet.of(Role.OPERATOR), "101", null, null);
                s.persist(a);
            });
            assertThatThrownBy(() -> sessions.inTransaction(s -> {
                User b = new User("olga2", "h", "Olga 2", EnumSet.of(Role.OPERATOR), now);
                b.assign(EnumSet.of(Role.OPERATOR), "101", null, null);
                s.persist(b);
            })).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> sessions.inTransaction(s ->
                    s.persist(new User("olga", "h", "Olga again", EnumSet.of(Role.MARKETER), now))))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thresholdVersionsAddToTheSeededOnesAndTheTimelineReadsThem(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-12-03T10:00:00Z");
            LocalDate from = LocalDate.of(2026, 12, 10);
            Settings.Thresholds t = new Settings.Thresholds(30, 900, 5, new BigDecimal("2.50"), 7, 20, 40, 3, 5, 80);
            Long id = sessions.fromTransaction(s -> {
                ThresholdVersion centre = ThresholdVersion.centre(from, t, 24, "admin", now);
                s.persist(centre);
                s.persist(ThresholdVersion.campaign("ADS", from, 45, null, "client", now));
                return centre.getId();
            });
            // the seeded versions keep ids below the sequence's start
            assertThat(id).isGreaterThan(90_000L);
            ThresholdTimeline timeline = sessions.fromSession(s -> s.doReturningWork(ThresholdTimeline::load));
            assertThat(timeline.centre(from.minusDays(1)).minTalkSeconds()).isEqualTo(20);
            assertThat(timeline.centre(from.minusDays(1)).backingWindowHours()).isEqualTo(12);
            assertThat(timeline.centre(from).thresholds()).isEqualTo(t);
            assertThat(timeline.centre(from).backingWindowHours()).isEqualTo(24);
            assertThat(timeline.of("ADS", from).minTalkSeconds()).isEqualTo(45);
            assertThat(timeline.of("ADS", from).longCallSeconds()).isEqualTo(900);
            assertThat(timeline.centreVersion(from).setBy()).isEqualTo("admin");
            assertThat(timeline.centreVersion(from).setAt()).isEqualTo(now);
            assertThatThrownBy(() -> ThresholdVersion.campaign("ADS", from, 60, 60, "x", now))
                    .hasMessageContaining("longCallSeconds");
        }
    }
}
