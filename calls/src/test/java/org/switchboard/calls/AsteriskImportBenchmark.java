package org.switchboard.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.control.CallRecords;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/**
 * Imports a generated Master.csv of a million lines with the real import code (parsing, identity checks,
 * operator and campaign resolution, contact matching, JDBC batches, one transaction per chunk), then inserts
 * the same rows into the same table with a plain JDBC batch, and prints both times and their ratio.
 * A benchmark, not a test: see BENCHMARKS.md.
 */
@Tag("benchmark")
class AsteriskImportBenchmark {

    static final int LINES = Integer.getInteger("benchmark.lines", 1_000_000);
    private static final DateTimeFormatter PBX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static List<String> databases() {
        String only = System.getProperty("benchmark.databases");
        return only == null || only.isBlank() ? TestDatabases.available()
                : TestDatabases.available().stream().filter(only::contains).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void importAMillionLinesAgainstAPlainBatchInsert(String database) throws Exception {
        Path file = Files.createTempFile("master-", ".csv");
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), CallsPersistenceTest.ENTITIES)) {
            generate(file);
            try (Connection c = db.dataSource().getConnection()) {
                seed(c);
                c.setAutoCommit(false);

                long start = System.nanoTime();
                CallRecords.Totals totals = new CallRecords.Totals();
                CallRecords.Lookup lookup = CallRecords.lookup(c, ZoneId.of("Europe/Moscow"));
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CallRecords.read(reader, totals, chunk -> {
                        try {
                            CallRecords.storeChunk(c, chunk, lookup, totals);
                            c.commit();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                double importSeconds = (System.nanoTime() - start) / 1e9;
                assertThat(totals.report().imported()).isEqualTo(LINES);
                assertThat(count(c)).isEqualTo(LINES);

                // the same file again: every record a duplicate, each compared by its hash (one query per chunk)
                start = System.nanoTime();
                CallRecords.Totals again = new CallRecords.Totals();
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    CallRecords.read(reader, again, chunk -> {
                        try {
                            CallRecords.storeChunk(c, chunk, lookup, again);
                            c.commit();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                double reimportSeconds = (System.nanoTime() - start) / 1e9;
                assertThat(again.report().duplicates()).isEqualTo(LINES);
                assertThat(again.report().conflicts()).isZero();
                System.out.printf("%n[benchmark] %s: the same %,d lines again — %.1f s (%,.0f lines/s), all duplicates,"
                        + " none a conflict%n", database, LINES, reimportSeconds, LINES / reimportSeconds);

                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM calls_call");
                }
                c.commit();
                start = System.nanoTime();
                plainInsert(c, file);
                double plainSeconds = (System.nanoTime() - start) / 1e9;
                assertThat(count(c)).isEqualTo(LINES);
                System.out.printf("%n[benchmark] %s: %,d Master.csv lines — import %.1f s (%,.0f lines/s), "
                        + "plain JDBC batch insert %.1f s (%,.0f rows/s): the import runs at %.0f %% of the plain insert%n",
                        database, LINES, importSeconds, LINES / importSeconds, plainSeconds, LINES / plainSeconds,
                        100 * plainSeconds / importSeconds);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM calls_call")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Three operators, one campaign, a few contacts: what an import resolves against. */
    private static void seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Bench', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                    + " VALUES (1, 'ADS-NOV', 'Ads', 'INBOUND_AD', 1, TRUE, CURRENT_TIMESTAMP, 0)");
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO core_user (id, username, password_hash, password_changed_at, full_name, extension,"
                        + " enabled, created_at, version) VALUES (" + i + ", 'op" + i + "', 'x', CURRENT_TIMESTAMP, 'Op',"
                        + " '10" + i + "', TRUE, CURRENT_TIMESTAMP, 0)");
                s.execute("INSERT INTO core_user_role (user_id, role) VALUES (" + i + ", 'OPERATOR')");
            }
        }
    }

    private static void generate(Path file) throws IOException {
        LocalDateTime t = LocalDateTime.of(2026, 11, 1, 9, 0);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                LocalDateTime start = t.plusSeconds(i * 3L);
                int billsec = i % 7 == 0 ? 0 : 15 + i % 400;
                String ext = "10" + (1 + i % 3);
                String customer = "7921" + String.format("%07d", i % 5_000_000);
                boolean out = i % 2 == 0;
                String channel = out ? "PJSIP/" + ext + "-" + Integer.toHexString(i) : "SIP/trunk-" + Integer.toHexString(i);
                String dstchannel = out ? "PJSIP/trunk-" + Integer.toHexString(i) : "PJSIP/" + ext + "-" + Integer.toHexString(i);
                w.write(String.join(",", q("ADS-NOV"), q(out ? ext : customer), q(out ? customer : ext), q("from-internal"),
                        q("\"Клиент, " + i + "\" <" + customer + ">"), q(channel), q(dstchannel), q("Dial"), q(""),
                        q(start.format(PBX)), q(billsec > 0 ? start.plusSeconds(5).format(PBX) : ""),
                        q(start.plusSeconds(5 + billsec).format(PBX)), String.valueOf(5 + billsec), String.valueOf(billsec),
                        q(billsec > 0 ? "ANSWERED" : "NO ANSWER"), q("DOCUMENTATION"), q("1761980400." + i), q("")));
                w.write('\n');
            }
        }
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The baseline: the same rows, parsed as CSV and inserted with a plain JDBC batch, no checks. */
    private static void plainInsert(Connection c, Path file) throws IOException, SQLException {
        String sql = "INSERT INTO calls_call (direction, operator, extension, customer_number, campaign_code, client_id,"
                + " started_at, answered_at, ended_at, duration_seconds, talk_seconds, disposition, source, identity,"
                + " uniqueid, accountcode, src, dst, clid, channel, dstchannel, lead_requested, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PBX', ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0)";
        ZoneId zone = ZoneId.of("Europe/Moscow");
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                PreparedStatement s = c.prepareStatement(sql)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                List<String> f = new ArrayList<>();
                try (CSVParser p = CSVParser.parse(line, CSVFormat.DEFAULT)) {
                    for (CSVRecord r : p) {
                        r.forEach(f::add);
                    }
                }
                boolean out = f.get(5).startsWith("PJSIP/10");
                s.setString(1, out ? "OUT" : "IN");
                s.setString(2, "op1");
                s.setString(3, "101");
                s.setString(4, "+" + (out ? f.get(2) : f.get(1)));
                s.setString(5, f.get(0));
                s.setLong(6, 1);
                s.setTimestamp(7, Timestamp.from(LocalDateTime.parse(f.get(9), PBX).atZone(zone).toInstant()));
                s.setTimestamp(8, f.get(10).isEmpty() ? null : Timestamp.from(LocalDateTime.parse(f.get(10), PBX).atZone(zone).toInstant()));
                s.setTimestamp(9, Timestamp.from(LocalDateTime.parse(f.get(11), PBX).atZone(zone).toInstant()));
                s.setInt(10, Integer.parseInt(f.get(12)));
                s.setInt(11, Integer.parseInt(f.get(13)));
                s.setString(12, f.get(14).replace(' ', '_'));
                s.setString(13, f.get(16));
                s.setString(14, f.get(16));
                s.setString(15, f.get(0));
                s.setString(16, f.get(1));
                s.setString(17, f.get(2));
                s.setString(18, f.get(4));
                s.setString(19, f.get(5));
                s.setString(20, f.get(6));
                s.setTimestamp(21, now);
                s.addBatch();
                if (++n % 1000 == 0) {
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            c.commit();
        }
    }
}
