package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/**
 * The chain on a real database (H2 in PostgreSQL mode, and PostgreSQL when configured): records imported by the bulk
 * path are sealed per call-centre day; re-imports with other content are conflicts that change nothing; a row
 * changed or deleted with plain SQL shows as its own day CHANGED and no other; a late record reseals its day and
 * chains the later days again, each earlier seal kept with why.
 */
class DayChainPersistenceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, Call.class, Listen.class, org.switchboard.calls.outbound.entity.ListEntry.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    static String line(String uniqueid, String start, int billsec) {
        String answer = billsec > 0 ? "\"" + start.substring(0, 17) + "05\"" : "\"\"";
        return "\"ADS\",\"101\",\"84951234567\",\"from-internal\",\"\"\"Op\"\" <101>\",\"PJSIP/101-0000001a\","
                + "\"PJSIP/trunk-0000001b\",\"Dial\",\"\",\"" + start + "\"," + answer + ",\"" + start.substring(0, 14)
                + "59:00\",100," + billsec + ",\"" + (billsec > 0 ? "ANSWERED" : "NO ANSWER")
                + "\",\"DOCUMENTATION\",\"" + uniqueid + "\",\"\"";
    }

    private static CallRecords.Report load(Connection c, String... lines) throws Exception {
        CallRecords.Totals totals = new CallRecords.Totals();
        CallRecords.Lookup lookup = CallRecords.lookup(c, MOSCOW, MOSCOW);
        List<CallRecords.Conflict> conflicts = new ArrayList<>();
        CallRecords.read(new BufferedReader(new StringReader(String.join("\n", lines))), totals, chunk -> {
            try {
                conflicts.addAll(CallRecords.storeChunk(c, chunk, lookup, totals).conflicts());
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        LAST_CONFLICTS.clear();
        LAST_CONFLICTS.addAll(conflicts);
        return totals.report();
    }

    private static final List<CallRecords.Conflict> LAST_CONFLICTS = new ArrayList<>();

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        c.commit();
    }

    private static Map<LocalDate, DayChain.Verified> verify(DayChain chain, String from, String to) {
        Map<LocalDate, DayChain.Verified> days = new java.util.TreeMap<>();
        chain.verify(LocalDate.parse(from), LocalDate.parse(to)).forEach(v -> days.put(v.date(), v));
        return days;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sealsCatchWhatChangedOutsideTheApplicationAndKeepEveryEarlierSeal(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES);
                Connection c = db.dataSource().getConnection()) {
            DayChain chain = new DayChain() {
                @Override
                ZoneId zone() {
                    return MOSCOW;
                }

                @Override
                Instant now() {
                    return Instant.now();
                }
            };
            chain.dataSource = db.dataSource();
            seed(c);
            c.setAutoCommit(false);
            // 00:30 Moscow on the 2nd is still the 2nd there (21:30 UTC on the 1st): the call centre's day decides
            CallRecords.Report first = load(c, line("1000.1", "2026-11-01 10:00:00", 60), line("1000.2", "2026-11-01 11:00:00", 0),
                    line("1000.3", "2026-11-02 00:30:00", 30), line("1000.4", "2026-11-02 12:00:00", 45),
                    line("1000.5", "2026-11-03 09:00:00", 90));
            assertThat(first.imported()).isEqualTo(5);
            assertThat(count(c, "SELECT COUNT(*) FROM calls_day_change")).isEqualTo(3);
            chain.resealPending();
            assertThat(count(c, "SELECT COUNT(*) FROM calls_day_change")).isZero();

            Map<LocalDate, DayChain.Verified> days = verify(chain, "2026-10-31", "2026-11-04");
            assertThat(days.keySet()).extracting(LocalDate::toString)
                    .containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
            assertThat(days.values()).extracting(DayChain.Verified::status).containsOnly(DayChain.Status.OK);
            assertThat(days.values()).extracting(DayChain.Verified::records).containsExactly(2L, 2L, 1L);
            var one = chain.seal(LocalDate.parse("2026-11-01")).orElseThrow();
            var two = chain.seal(LocalDate.parse("2026-11-02")).orElseThrow();
            assertThat(one.chainHash()).isEqualTo(Evidence.chainHash(Evidence.GENESIS, one.recordsHash()));
            assertThat(two.chainHash()).isEqualTo(Evidence.chainHash(one.chainHash(), two.recordsHash()));
            assertThat(chain.seal(LocalDate.parse("2026-11-05"))).isEmpty();
            // the stored record hash is the canonical hash of the stored fields
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT record_hash, " + Evidence.COLUMNS
                    + " FROM calls_call WHERE identity = '1000.1'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(Evidence.Record.read(rs, 2).hash());
            }

            // the same file again: duplicates only; with another billsec: a conflict, and the stored record stays
            CallRecords.Report again = load(c, line("1000.1", "2026-11-01 10:00:00", 60), line("1000.2", "2026-11-01 11:00:00", 0));
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(again.conflicts()).isZero();
            CallRecords.Report other = load(c, line("1000.1", "2026-11-01 10:00:00", 61), line("1000.2", "2026-11-01 11:00:00", 0));
            assertThat(other.received()).isEqualTo(2);
            assertThat(other.imported()).isZero();
            assertThat(other.duplicates()).isEqualTo(2);
            assertThat(other.conflicts()).isEqualTo(1);
            assertThat(LAST_CONFLICTS).singleElement().satisfies(k -> {
                assertThat(k.identity()).isEqualTo("1000.1");
                assertThat(k.field()).isEqualTo("talk_seconds");
                assertThat(k.stored()).isEqualTo("60");
                assertThat(k.received()).isEqualTo("61");
                assertThat(k.operator()).isEqualTo("op1");
                assertThat(k.campaign()).isEqualTo("ADS");
            });
            assertThat(count(c, "SELECT talk_seconds FROM calls_call WHERE identity = '1000.1'")).isEqualTo(60);
            assertThat(count(c, "SELECT COUNT(*) FROM calls_day_change")).isZero();

            // changed and deleted with plain SQL: exactly those days
            sql(c, "UPDATE calls_call SET talk_seconds = 999 WHERE identity = '1000.4'");
            days = verify(chain, "2026-11-01", "2026-11-03");
            assertThat(days.get(LocalDate.parse("2026-11-02")).status()).isEqualTo(DayChain.Status.CHANGED);
            assertThat(days.get(LocalDate.parse("2026-11-01")).status()).isEqualTo(DayChain.Status.OK);
            assertThat(days.get(LocalDate.parse("2026-11-03")).status()).isEqualTo(DayChain.Status.OK);
            sql(c, "DELETE FROM calls_call WHERE identity = '1000.5'");
            days = verify(chain, "2026-11-01", "2026-11-03");
            assertThat(days.get(LocalDate.parse("2026-11-03")).status()).isEqualTo(DayChain.Status.CHANGED);
            assertThat(days.get(LocalDate.parse("2026-11-03")).records()).isZero();
            assertThat(days.get(LocalDate.parse("2026-11-03")).storedRecords()).isEqualTo(1L);

            // a late record for the 1st: the 1st is sealed again, the later days chained again; SQL changes stay visible
            load(c, line("1000.9", "2026-11-01 18:00:00", 20));
            chain.resealPending();
            days = verify(chain, "2026-11-01", "2026-11-03");
            assertThat(days.get(LocalDate.parse("2026-11-01")).status()).isEqualTo(DayChain.Status.OK);
            assertThat(days.get(LocalDate.parse("2026-11-01")).records()).isEqualTo(3);
            assertThat(days.get(LocalDate.parse("2026-11-02")).status()).isEqualTo(DayChain.Status.CHANGED);
            assertThat(days.get(LocalDate.parse("2026-11-03")).status()).isEqualTo(DayChain.Status.CHANGED);
            Map<DayChain.Stored, List<DayChain.Stored>> history = chain.history(LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-11-03"));
            List<DayChain.Stored> seals = new ArrayList<>(history.keySet());
            assertThat(seals).extracting(DayChain.Stored::revision).containsExactly(2, 2, 2);
            assertThat(seals.get(0).reason()).isEqualTo("1 record imported");
            assertThat(seals.get(1).reason()).startsWith("chained again");
            assertThat(history.get(seals.get(0))).extracting(DayChain.Stored::records).containsExactly(2L, 3L);
            assertThat(history.get(seals.get(0)).get(0).chainHash()).isEqualTo(one.chainHash());
            assertThat(history.get(seals.get(1)).get(0).chainHash()).isEqualTo(two.chainHash());
            // the later days keep their records hash: the chain is carried, the days' records are not re-read
            assertThat(seals.get(1).recordsHash()).isEqualTo(two.recordsHash());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordsStoredBeforeTheChainAreSealedOnFirstUse(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES);
                Connection c = db.dataSource().getConnection()) {
            DayChain chain = new DayChain() {
                @Override
                ZoneId zone() {
                    return MOSCOW;
                }

                @Override
                Instant now() {
                    return Instant.now();
                }
            };
            chain.dataSource = db.dataSource();
            seed(c);
            c.setAutoCommit(false);
            load(c, line("2000.1", "2026-10-01 10:00:00", 60), line("2000.2", "2026-10-03 10:00:00", 60));
            sql(c, "DELETE FROM calls_day_change");
            sql(c, "INSERT INTO calls_day_change (call_day, records, reason, at) VALUES (NULL, 2, 'stored before', CURRENT_TIMESTAMP)");
            assertThat(verify(chain, "2026-10-01", "2026-10-03").values()).extracting(DayChain.Verified::status)
                    .containsExactly(DayChain.Status.OK, DayChain.Status.OK);
            assertThat(chain.history(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-03")).keySet())
                    .extracting(DayChain.Stored::reason).containsOnly("records stored before the chain existed");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anErasureIsALegitimateChangeThatSaysSo(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES);
                Connection c = db.dataSource().getConnection()) {
            DayChain chain = new DayChain() {
                @Override
                ZoneId zone() {
                    return MOSCOW;
                }

                @Override
                Instant now() {
                    return Instant.now();
                }
            };
            chain.dataSource = db.dataSource();
            seed(c);
            c.setAutoCommit(false);
            load(c, line("3000.1", "2026-09-01 10:00:00", 60), line("3000.2", "2026-09-01 11:00:00", 60));
            chain.resealPending();
            long id = count(c, "SELECT id FROM calls_call WHERE identity = '3000.1'");
            // what ContactPrivacy does on erasure: note the days, then clear the caller's number and name
            chain.noteCalls(List.of(id), DayChain.ERASED);
            sql(c, "UPDATE calls_call SET dst = NULL, clid = NULL WHERE id = " + id);
            assertThat(verify(chain, "2026-09-01", "2026-09-01").values()).extracting(DayChain.Verified::status)
                    .containsExactly(DayChain.Status.OK);
            DayChain.Stored seal = chain.history(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-01")).keySet()
                    .iterator().next();
            assertThat(seal.revision()).isEqualTo(2);
            assertThat(seal.reason()).isEqualTo("personal data erased from 1 record");
            // the erased record sent again is no conflict: it is compared with the record as delivered
            assertThat(load(c, line("3000.1", "2026-09-01 10:00:00", 60)).conflicts()).isZero();
        }
    }

    /** Operator op1 at extension 101 and campaign ADS of client 1: what the records resolve to. */
    private static void seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Chain', TRUE,"
                    + " CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                    + " VALUES (1, 'ADS', 'Ads', 'INBOUND_AD', 1, TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_user (id, username, password_hash, password_changed_at, full_name, extension,"
                    + " enabled, created_at, version) VALUES (1, 'op1', 'x', CURRENT_TIMESTAMP, 'Op', '101', TRUE,"
                    + " CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_user_role (user_id, role) VALUES (1, 'OPERATOR')");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
