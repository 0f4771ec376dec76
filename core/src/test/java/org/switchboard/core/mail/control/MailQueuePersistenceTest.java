package org.switchboard.core.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.mail.entity.MailAttachment;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.mail.entity.MailMessage.State;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;

/**
 * The sender's queue steps on a real database: what is due, and that a message two senders reach at once is
 * claimed by one of them only — with the second one's claim after, or in the middle of, the first one's.
 */
class MailQueuePersistenceTest {

    private static final List<Class<?>> ENTITIES = List.of(MailMessage.class, MailAttachment.class);
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    static List<String> databases() {
        return TestDatabases.available();
    }

    private long queue(SessionFactory sessions, Instant at, String subject) {
        return sessions.fromTransaction(s -> {
            MailMessage mail = new MailMessage("ivan@example.com", subject, "Body", null, "test", at);
            s.persist(mail);
            s.persist(new MailAttachment(mail.getId(), "a.txt", "text/plain", new byte[] {1, 2, 3}));
            return mail.getId();
        });
    }

    private static MailMessage load(SessionFactory sessions, long id) {
        return sessions.fromSession(s -> s.find(MailMessage.class, id));
    }

    private static List<Long> due(SessionFactory sessions, Instant at, int max) {
        return sessions.fromSession(s -> new MailQueue(s).due(at, max));
    }

    private static Optional<Delivery> claim(SessionFactory sessions, long id, Instant at) {
        return sessions.fromTransaction(s -> new MailQueue(s).claim(id, at));
    }

    private static boolean delivered(SessionFactory sessions, Delivery delivery, Instant at) {
        return sessions.fromTransaction(s -> new MailQueue(s).delivered(delivery, at));
    }

    private static boolean failed(SessionFactory sessions, Delivery delivery, String error, Instant at) {
        return sessions.fromTransaction(s -> new MailQueue(s).failed(delivery, error, at));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dueMessagesComeLongestWaitingFirstAndClaimedOnesAreNotDueAgainUntilTheLeaseEnds(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            long later = queue(sessions, now.minusSeconds(10), "later");
            long earlier = queue(sessions, now.minusSeconds(20), "earlier");
            long future = queue(sessions, now.plusSeconds(60), "not yet");
            assertThat(due(sessions, now, 10)).containsExactly(earlier, later);
            assertThat(due(sessions, now, 1)).containsExactly(earlier);

            Optional<Delivery> claimed = claim(sessions, earlier, now);
            assertThat(claimed).hasValueSatisfying(d -> {
                assertThat(d.version()).isEqualTo(1);
                assertThat(d.attempt()).isEqualTo(1);
                assertThat(d.subject()).isEqualTo("earlier");
                assertThat(d.attachments()).singleElement().satisfies(a -> assertThat(a.content()).containsExactly(1, 2, 3));
            });
            MailMessage stored = load(sessions, earlier);
            assertThat(stored.getState()).isEqualTo(State.SENDING);
            assertThat(stored.getVersion()).isEqualTo(1);
            assertThat(stored.getNextAttemptAt()).isEqualTo(now.plus(MailMessage.LEASE));

            assertThat(due(sessions, now.plusSeconds(1), 10)).containsExactly(later);
            assertThat(claim(sessions, earlier, now.plusSeconds(1))).isEmpty();
            assertThat(due(sessions, now.plus(MailMessage.LEASE), 10))
                    .containsExactly(later, future, earlier);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoSendersThatReadTheSameMessageOnlyTheFirstClaimsIt(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            long id = queue(sessions, now, "digest");
            try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
                Transaction t1 = first.beginTransaction();
                Transaction t2 = second.beginTransaction();
                MailMessage seenByFirst = first.find(MailMessage.class, id);
                MailMessage seenBySecond = second.find(MailMessage.class, id);
                assertThat(seenByFirst.isDue(now)).isTrue();
                assertThat(seenBySecond.isDue(now)).isTrue();

                assertThat(new MailQueue(first).take(seenByFirst, now)).isTrue();
                t1.commit();
                assertThat(new MailQueue(second).take(seenBySecond, now)).isFalse();
                t2.commit();
            }
            MailMessage stored = load(sessions, id);
            assertThat(stored.getState()).isEqualTo(State.SENDING);
            assertThat(stored.getAttempts()).isEqualTo(1);
            assertThat(stored.getVersion()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondClaimWaitingOnTheFirstsUncommittedOneFindsItTaken(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            long id = queue(sessions, now, "digest");
            try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
                Transaction t1 = first.beginTransaction();
                Transaction t2 = second.beginTransaction();
                MailMessage seenByFirst = first.find(MailMessage.class, id);
                MailMessage seenBySecond = second.find(MailMessage.class, id);
                assertThat(new MailQueue(first).take(seenByFirst, now)).isTrue();
                // the second UPDATE meets the first one's row lock and waits for its commit
                CompletableFuture<Boolean> secondTake = CompletableFuture.supplyAsync(
                        () -> new MailQueue(second).take(seenBySecond, now));
                Thread.sleep(300);
                t1.commit();
                assertThat(secondTake.get(30, TimeUnit.SECONDS)).isFalse();
                t2.commit();
            }
            assertThat(load(sessions, id).getVersion()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOutcomeIsRecordedOnlyWhileTheClaimHolds(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            long id = queue(sessions, now, "digest");
            Delivery slow = claim(sessions, id, now).orElseThrow();
            // the slow sender's lease runs out and another sender takes the message over
            Instant expired = now.plus(MailMessage.LEASE);
            Delivery takeover = claim(sessions, id, expired).orElseThrow();
            assertThat(takeover.attempt()).isEqualTo(2);

            assertThat(delivered(sessions, slow, expired)).isFalse();
            assertThat(failed(sessions, takeover, "421 busy", expired)).isTrue();
            MailMessage stored = load(sessions, id);
            assertThat(stored.getState()).isEqualTo(State.QUEUED);
            assertThat(stored.getLastError()).isEqualTo("421 busy");
            assertThat(stored.getNextAttemptAt()).isEqualTo(expired.plus(Duration.ofMinutes(5)));

            Delivery third = claim(sessions, id, stored.getNextAttemptAt())
                    .orElseThrow();
            assertThat(delivered(sessions, third, stored.getNextAttemptAt()))
                    .isTrue();
            assertThat(load(sessions, id).getState()).isEqualTo(State.SENT);
            assertThat(due(sessions, expired.plus(Duration.ofDays(1)), 10)).isEmpty();
        }
    }
}
