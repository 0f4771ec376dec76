package org.switchboard.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.events.CallFact;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.ReportQuery;
import org.switchboard.reporting.control.RollupStore;

/**
 * 10 000 000 calls for 500 operators over 60 days (and a lead for every 25th call): loads them with plain JDBC
 * batches into reporting's copy of the calls, builds the rollups from scratch, then asks the 30-day operator-day
 * report the way the endpoint does (rollups) and the same figures as a raw GROUP BY over the call rows (the
 * report's own-thresholds path), and prints median and p95 of each. A benchmark, not a test: see BENCHMARKS.md.
 */
@Tag("benchmark")
class OperatorDayReportBenchmark {

    static final int CALLS = Integer.getInteger("benchmark.calls", 10_000_000);
    static final int OPERATORS = Integer.getInteger("benchmark.operators", 500);
    static final int DAYS = 60;
    static final int RUNS = Integer.getInteger("benchmark.runs", 40);
    static final int RAW_RUNS = Integer.getInteger("benchmark.rawRuns", 5);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    static List<String> databases() {
        String only = System.getProperty("benchmark.databases");
        return only == null || only.isBlank() ? TestDatabases.available()
                : TestDatabases.available().stream().filter(only::contains).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thirtyDayReportFromRollupsAgainstARawGroupBy(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = RollupStoreTest.schema(db);
                Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the settings' thresholds everywhere, so the raw count with 20 / 1200 must equal the rollups
                s.execute("UPDATE core_campaign SET min_talk_seconds = NULL, long_call_seconds = NULL");
                s.execute("DELETE FROM core_threshold_version WHERE campaign_code IS NOT NULL");
            }
            long t0 = System.nanoTime();
            load(c);
            long loaded = System.nanoTime();
            new RollupStore(c).recountAll();
            c.commit();
            long counted = System.nanoTime();
            if (database.equals("postgresql")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                c.commit();
            }
            print(database, "load " + CALLS + " calls: " + seconds(loaded - t0) + " s; rollups from scratch: "
                    + seconds(counted - loaded) + " s");

            // what an import chunk costs on top of this: 20 chunks of 1 000 late calls, announced as the calls module does
            Random random = new Random(11);
            long[] chunks = new long[20];
            long id = 100_000_000L;
            for (int chunk = 0; chunk < chunks.length; chunk++) {
                List<CallFact> facts = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    int op = random.nextInt(OPERATORS);
                    Instant start = FIRST.plusDays(20 + random.nextInt(5)).atTime(19, 0).atZone(MOSCOW).toInstant()
                            .plusSeconds(random.nextInt(3600));
                    facts.add(new CallFact(++id, "op" + op, String.valueOf(1000 + op), "OUT",
                            "+7921" + (1_000_000 + random.nextInt(8_000_000)), null, "B", 2L, start, true,
                            random.nextInt(300), false, null, "late" + id));
                }
                long start = System.nanoTime();
                new RollupStore(c).putCalls(facts, MOSCOW);
                c.commit();
                chunks[chunk] = System.nanoTime() - start;
            }
            Arrays.sort(chunks);
            print(database, "a chunk of 1 000 late calls stored and the rollups moved: median "
                    + millis(chunks, 50) + " ms, max " + millis(chunks, 100) + " ms");

            ReportQuery rollups = new ReportQuery(FIRST.plusDays(15), FIRST.plusDays(44), null, null, null, null, null, null);
            ReportQuery raw = new ReportQuery(FIRST.plusDays(15), FIRST.plusDays(44), null, null, null, null, 20, 1200);
            List<OperatorDays.Figures> fromRollups = OperatorDays.rows(c, rollups);
            List<OperatorDays.Figures> fromCalls = OperatorDays.rows(c, raw);
            assertThat(fromRollups).hasSize(OPERATORS * 30).isEqualTo(fromCalls);
            c.commit();

            long[] fast = time(c, rollups, RUNS);
            long[] slow = time(c, raw, RAW_RUNS);
            print(database, "30-day report from rollups (" + RUNS + " runs): median " + millis(fast, 50) + " ms, p95 "
                    + millis(fast, 95) + " ms, max " + millis(fast, 100) + " ms");
            print(database, "same figures by raw GROUP BY over the calls (" + RAW_RUNS + " runs): median "
                    + millis(slow, 50) + " ms, p95 " + millis(slow, 95) + " ms");
        }
    }

    private static long[] time(Connection c, ReportQuery q, int runs) throws Exception {
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            assertThat(OperatorDays.rows(c, q)).isNotEmpty();
            took[i] = System.nanoTime() - start;
            c.commit();
        }
        Arrays.sort(took);
        return took;
    }

    /** Calls spread evenly over operators and days, talk times from 0 to 30 minutes, a lead for every 25th call. */
    private static void load(Connection c) throws Exception {
        Random random = new Random(7);
        String[] campaigns = {"A", "B", null};
        try (PreparedStatement calls = c.prepareStatement("INSERT INTO reporting_call (id, operator, extension, direction,"
                + " number, campaign_code, client_id, started_at, work_day, answered, talk_seconds, recorded, uniqueid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement leads = c.prepareStatement("INSERT INTO reporting_lead (id, operator, campaign_code,"
                        + " client_id, created_at, work_day, call_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            long perOperatorDay = Math.max(1, CALLS / ((long) OPERATORS * DAYS));
            long id = 0;
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = FIRST.plusDays(day);
                Instant morning = date.atTime(9, 0).atZone(MOSCOW).toInstant();
                for (int op = 0; op < OPERATORS; op++) {
                    for (long n = 0; n < perOperatorDay; n++) {
                        id++;
                        boolean answered = random.nextInt(4) != 0;
                        int talk = answered ? (random.nextInt(20) == 0 ? 1200 + random.nextInt(600) : random.nextInt(400)) : 0;
                        String campaign = campaigns[(int) (id % 3)];
                        Instant start = morning.plusSeconds(n * 100);
                        calls.setLong(1, id);
                        calls.setString(2, "op" + op);
                        calls.setString(3, String.valueOf(1000 + op));
                        calls.setString(4, "OUT");
                        calls.setString(5, "+7921" + (1_000_000 + random.nextInt(8_000_000)));
                        calls.setString(6, campaign);
                        calls.setObject(7, campaign == null ? null : campaign.equals("A") ? 1L : 2L);
                        calls.setTimestamp(8, Timestamp.from(start));
                        calls.setDate(9, Date.valueOf(date));
                        calls.setBoolean(10, answered);
                        calls.setInt(11, talk);
                        calls.setBoolean(12, random.nextBoolean());
                        calls.setString(13, "u" + id);
                        calls.addBatch();
                        if (id % 25 == 0) {
                            leads.setLong(1, id);
                            leads.setString(2, "op" + op);
                            leads.setString(3, campaign);
                            leads.setObject(4, campaign == null ? null : campaign.equals("A") ? 1L : 2L);
                            leads.setTimestamp(5, Timestamp.from(start.plusSeconds(60)));
                            leads.setDate(6, Date.valueOf(date));
                            leads.setLong(7, id);
                            leads.addBatch();
                        }
                        if (id % 10_000 == 0) {
                            calls.executeBatch();
                            leads.executeBatch();
                            c.commit();
                        }
                    }
                }
            }
            calls.executeBatch();
            leads.executeBatch();
            c.commit();
        }
        try (PreparedStatement plans = c.prepareStatement("INSERT INTO reporting_plan (id, operator, work_day, calls, leads,"
                + " set_by, set_at, version) VALUES (?, ?, ?, 200, 8, 'bench', CURRENT_TIMESTAMP, 0)")) {
            long id = 0;
            for (int day = 0; day < DAYS; day++) {
                for (int op = 0; op < OPERATORS; op++) {
                    plans.setLong(1, ++id);
                    plans.setString(2, "op" + op);
                    plans.setDate(3, Date.valueOf(FIRST.plusDays(day)));
                    plans.addBatch();
                }
            }
            plans.executeBatch();
            c.commit();
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    private static long millis(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1e6);
    }

    private static void print(String database, String line) {
        System.out.println("[benchmark] " + database + ": " + line);
    }
}
