package org.switchboard.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.mail.entity.MailAttachment;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;

/** The outbox tables on real migrations: the mapping validates, and bodies and attachment bytes come back whole. */
class MailPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(MailMessage.class, MailAttachment.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMessageWithBodiesAndAttachmentsRoundTrips(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-11-28T10:15:30.123456Z");
            byte[] bytes = new byte[3 * 1024 * 1024];
            new Random(7).nextBytes(bytes);
            String longText = "Строка отчёта;42\n".repeat(40_000);
            long id = sessions.fromTransaction(s -> {
                MailMessage mail = new MailMessage("=?UTF-8?B?0JjQstCw0L0=?= <ivan@example.com>", "Сводка за день",
                        longText, "<p>Сводка</p>", "digest", now);
                s.persist(mail);
                s.persist(new MailAttachment(mail.getId(), "report.bin", "application/octet-stream", bytes));
                s.persist(new MailAttachment(mail.getId(), "empty.txt", "text/plain", new byte[0]));
                return mail.getId();
            });

            MailMessage loaded = sessions.fromSession(s -> s.find(MailMessage.class, id));
            assertThat(loaded.getText()).isEqualTo(longText);
            assertThat(loaded.getHtml()).isEqualTo("<p>Сводка</p>");
            assertThat(loaded.getSubject()).isEqualTo("Сводка за день");
            assertThat(loaded.getState()).isEqualTo(MailMessage.State.QUEUED);
            assertThat(loaded.getNextAttemptAt()).isEqualTo(now);
            assertThat(loaded.getVersion()).isZero();
            List<MailAttachment> files = sessions.fromSession(s -> s.createQuery(
                    "SELECT a FROM MailAttachment a WHERE a.mailId = :id ORDER BY a.id", MailAttachment.class)
                    .setParameter("id", id).getResultList());
            assertThat(files).extracting(MailAttachment::getFileName).containsExactly("report.bin", "empty.txt");
            assertThat(files.get(0).getContent()).isEqualTo(bytes);
            assertThat(files.get(0).getSize()).isEqualTo(bytes.length);
            assertThat(files.get(1).getContent()).isEmpty();
        }
    }
}
