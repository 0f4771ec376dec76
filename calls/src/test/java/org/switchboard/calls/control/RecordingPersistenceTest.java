package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.RecordingVersion;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.LeadsModule;

/** Recording versions and the listen log on the real migrations; the listen rule under parallel fetches. */
class RecordingPersistenceTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static List<String> databases() {
        return TestDatabases.available();
    }

    static List<Class<?>> entities() {
        return List.of(org.switchboard.core.people.entity.User.class, org.switchboard.core.clients.entity.Client.class,
                org.switchboard.core.settings.entity.Settings.class, org.switchboard.core.audit.entity.Revision.class,
                Call.class, org.switchboard.calls.entity.Listen.class, RecordingVersion.class);
    }

    private static SessionFactory sessions(TestDatabases.TestDatabase db) {
        return SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(), new LeadsModule(), new CallsModule()),
                entities());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReplacedRecordingIsKeptAsAVersionWithWhoWhenAndWhy(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory sessions = sessions(db)) {
            long id = sessions.fromTransaction(s -> {
                Call call = Call.loggedInbound("op1", "101", "+78124483454", null, "ADS", 1L, NOW);
                s.persist(call);
                call.attachManually(new Call.RecordingFile("a.wav", "audio/wav", 10, "aa".repeat(32)), "supervisor",
                        NOW, null);
                s.flush();
                s.persist(call.attachManually(new Call.RecordingFile("b.wav", "audio/wav", 20, "bb".repeat(32)),
                        "admin", NOW.plusSeconds(60), "wrong file"));
                return call.getId();
            });
            sessions.inSession(s -> {
                Call call = s.find(Call.class, id);
                assertThat(call.getRecordingOrigin()).isEqualTo(Call.RecordingOrigin.MANUAL);
                assertThat(call.getRecordingSha256()).isEqualTo("bb".repeat(32));
                assertThat(call.getRecordingManualAt()).isEqualTo(NOW.plusSeconds(60));
                RecordingVersion v = s.createQuery("FROM RecordingVersion v WHERE v.callId = :id", RecordingVersion.class)
                        .setParameter("id", id).getSingleResult();
                assertThat(v.getSha256()).isEqualTo("aa".repeat(32));
                assertThat(v.getStoredBy()).isEqualTo("supervisor");
                assertThat(v.getReplacedBy()).isEqualTo("admin");
                assertThat(v.getReason()).isEqualTo("wrong file");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void parallelFetchesOfOneUserLogOneListenAndAnotherUserTheirOwn(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory sessions = sessions(db)) {
            long id = sessions.fromTransaction(s -> {
                Call call = Call.loggedInbound("op1", "101", "+78124483454", null, "ADS", 1L, NOW);
                s.persist(call);
                return call.getId();
            });
            AppClock clock = new AppClock();
            int threads = 12;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> fetches = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    String user = i < 10 ? "alice" : "bob";
                    fetches.add(pool.submit(() -> {
                        start.await();
                        return sessions.fromTransaction(s -> {
                            Listens listens = new Listens();
                            listens.em = s;
                            listens.clock = clock;
                            return listens.fetched(id, user);
                        });
                    }));
                }
                start.countDown();
                int logged = 0;
                for (Future<Boolean> f : fetches) {
                    logged += f.get() ? 1 : 0;
                }
                assertThat(logged).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
            List<String> users = sessions.fromSession(s -> s.createQuery(
                    "SELECT l.username FROM Listen l WHERE l.callId = :id ORDER BY l.username", String.class)
                    .setParameter("id", id).getResultList());
            assertThat(users).containsExactly("alice", "bob");
        }
    }
}
