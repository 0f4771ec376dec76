package org.switchboard.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.entity.Contact;

/**
 * Search by phone over a million contacts: the real migrations, the real entity query the contacts endpoint
 * runs, numbers written the ways people write them. A benchmark, not a test: it runs only when asked for
 * (see BENCHMARKS.md) and prints its figures; it asserts only that every search finds the right contact.
 */
@Tag("benchmark")
class PhoneSearchBenchmark {

    static final int CONTACTS = Integer.getInteger("benchmark.contacts", 1_000_000);
    static final int SEARCHES = Integer.getInteger("benchmark.searches", 2_000);

    /** {@code -Dbenchmark.databases=postgresql} runs one database only. */
    static List<String> databases() {
        String only = System.getProperty("benchmark.databases");
        return only == null || only.isBlank() ? TestDatabases.available()
                : TestDatabases.available().stream().filter(only::contains).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchByPhoneOverAMillionContacts(String database) throws SQLException {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule()), LeadsPersistenceTest.ENTITIES)) {
            long loadStart = System.nanoTime();
            load(db);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            Random random = new Random(42);
            long[] nanos = new long[SEARCHES];
            // the two queries GET /api/contacts?phone= runs (ContactBook.search)
            String query = "SELECT c FROM Contact c WHERE c.deletedAt IS NULL AND c.erasedAt IS NULL AND c.id IN :ids";
            // one session and transaction, as a request in the server holds one pooled connection
            // (without one, Hibernate would take a new unpooled connection for every statement)
            try (var session = sessions.openSession()) {
                var transaction = session.beginTransaction();
                for (int i = 0; i < SEARCHES; i++) {
                    int n = random.nextInt(CONTACTS);
                    String written = written(n, i % 3);
                    long start = System.nanoTime();
                    List<Long> ids = session.createQuery(ContactBook.PHONE_HOLDERS, Long.class)
                            .setParameter("phone", PhoneNumbers.toE164(written)).getResultList();
                    List<Contact> found = session.createQuery(query, Contact.class)
                            .setParameter("ids", ids).setMaxResults(50).getResultList();
                    nanos[i] = System.nanoTime() - start;
                    session.clear();
                    assertThat(found).as("search for %s", written).singleElement()
                            .satisfies(c -> assertThat(c.getId()).isEqualTo(n + 1L));
                }
                transaction.commit();
            }
            Arrays.sort(nanos);
            System.out.printf("%n[benchmark] %s: %,d contacts loaded in %.1f s; %,d searches by phone: "
                    + "median %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n", database, CONTACTS, loadSeconds,
                    SEARCHES, nanos[SEARCHES / 2] / 1e6, nanos[SEARCHES * 95 / 100] / 1e6,
                    nanos[SEARCHES * 99 / 100] / 1e6, nanos[SEARCHES - 1] / 1e6);
        }
    }

    /** The n-th contact's number, written one of three ways. */
    private static String written(int n, int form) {
        String digits = String.format("%07d", n);
        return switch (form) {
            case 0 -> "+7921" + digits;
            case 1 -> "8 (921) " + digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
            default -> "+7 921 " + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
        };
    }

    private static void load(TestDatabases.TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement contact = c.prepareStatement("INSERT INTO leads_contact (id, full_name, search_name,"
                    + " consent_given, do_not_call, created_at, version) VALUES (?, ?, ?, FALSE, FALSE, ?, 0)");
                    PreparedStatement phone = c.prepareStatement("INSERT INTO leads_contact_phone (id, contact_id, number,"
                            + " kind, position) VALUES (?, ?, ?, 'mobile', 0)")) {
                java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
                for (int n = 0; n < CONTACTS; n++) {
                    long id = n + 1L;
                    contact.setLong(1, id);
                    contact.setString(2, "Contact " + n);
                    contact.setString(3, "contact " + n);
                    contact.setTimestamp(4, now);
                    contact.addBatch();
                    phone.setLong(1, id);
                    phone.setLong(2, id);
                    phone.setString(3, "+7921" + String.format("%07d", n));
                    phone.addBatch();
                    if (n % 5_000 == 4_999) {
                        contact.executeBatch();
                        phone.executeBatch();
                        c.commit();
                    }
                }
                contact.executeBatch();
                phone.executeBatch();
                c.commit();
            }
            try (var s = c.createStatement()) {
                s.execute(db.name().equals("postgresql") ? "ANALYZE" : "ANALYZE");
            }
            c.commit();
        }
    }
}
