package org.switchboard.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.events.CallFact;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.reporting.control.Counts;
import org.switchboard.reporting.control.RollupStore;
import org.switchboard.reporting.entity.Plan;

/**
 * The rollups, kept up incrementally through late, repeated and changed records, equal an independent count of
 * the final calls and leads by DOMAIN.md's definitions — on the real migrations, H2 and PostgreSQL.
 */
class RollupStoreTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Plan.class);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static List<String> databases() {
        return TestDatabases.available();
    }

    /** Core's and reporting's schema, with campaign A overriding the thresholds (30 s, 600 s) and B not. */
    static SessionFactory schema(TestDatabases.TestDatabase db) throws SQLException {
        SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(), new ReportingModule()),
                ENTITIES);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Alpha', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (2, 'Beta', TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version,"
                    + " min_talk_seconds, long_call_seconds) VALUES (1, 'A', 'A', 'OUTBOUND', 1, TRUE, CURRENT_TIMESTAMP, 0, 30, 600)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                    + " VALUES (2, 'B', 'B', 'INBOUND_AD', 2, TRUE, CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_threshold_version (id, campaign_code, valid_from, min_talk_seconds, long_call_seconds,"
                    + " set_by, set_at) VALUES (500, 'A', DATE '1970-01-01', 30, 600, 'test', CURRENT_TIMESTAMP)");
        }
        return sessions;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rollupsEqualAFreshCountThroughLateRepeatedAndChangedRecords(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory ignored = schema(db);
                Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            RollupStore store = new RollupStore(c);
            Random random = new Random(42);
            Map<Long, CallFact> calls = new LinkedHashMap<>();
            for (long id = 1; id <= 3000; id++) {
                calls.put(id, randomCall(random, id));
            }
            List<CallFact> all = new ArrayList<>(calls.values());
            Collections.shuffle(all, random); // late records: days arrive out of order
            for (int from = 0; from < all.size(); from += 400) {
                store.putCalls(all.subList(from, Math.min(all.size(), from + 400)), MOSCOW);
                c.commit();
            }
            store.putCalls(all.subList(0, 700), MOSCOW); // the same file posted again
            c.commit();
            Map<Long, RollupStore.LeadFact> leads = new LinkedHashMap<>();
            for (long id = 1; id <= 400; id++) {
                CallFact call = calls.get(1 + (long) random.nextInt(3000));
                String operator = random.nextInt(5) == 0 ? "op" + random.nextInt(6) : call.operator();
                boolean byUniqueid = random.nextBoolean();
                // most leads name their call's number; some another (not backed); some cite a call others cite too
                List<String> numbers = List.of(random.nextInt(8) == 0 ? "+79990000000" : call.number());
                Instant at = call.startedAt().plusSeconds(60 + random.nextInt(3) * 3600L);
                RollupStore.LeadFact lead = new RollupStore.LeadFact(id, operator == null ? "op1" : operator,
                        call.campaign(), call.clientId(), at, byUniqueid ? null : call.callId(),
                        byUniqueid ? call.uniqueid() : null, at, "LIVE", numbers);
                leads.put(id, lead);
                store.putLead(lead, MOSCOW);
            }
            c.commit();
            // changes after the fact: a call's talk time and operator, a lead given to another operator
            for (int i = 0; i < 300; i++) {
                long id = 1 + random.nextInt(3000);
                CallFact changed = randomCall(random, id);
                calls.put(id, new CallFact(id, changed.operator(), changed.extension(), changed.direction(),
                        changed.number(), null, changed.campaign(), changed.clientId(), calls.get(id).startedAt(),
                        changed.answered(), changed.talkSeconds(), changed.recorded(), null, calls.get(id).uniqueid()));
                store.putCalls(List.of(calls.get(id)), MOSCOW);
            }
            for (long id = 1; id <= 40; id++) {
                RollupStore.LeadFact lead = leads.get(id);
                leads.put(id, new RollupStore.LeadFact(id, "op" + (id % 6), lead.campaign(), lead.clientId(),
                        lead.createdAt(), lead.callId(), lead.callUniqueid(), lead.enteredAt(), lead.entry(),
                        lead.numbers()));
                store.putLead(leads.get(id), MOSCOW);
            }
            c.commit();

            Map<String, Counts> expected = expected(calls, leads);
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(rollups(c)).isEqualTo(expected);
            Map<String, Long> expectedDials = expectedDials(calls);
            assertThat(expectedDials.values()).contains(2L, 3L);
            assertThat(dials(c)).isEqualTo(expectedDials);
            store.recountAll();
            assertThat(rollups(c)).isEqualTo(expected);
            assertThat(dials(c)).isEqualTo(expectedDials);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thresholdsAreExactAndDaysEndAtMidnightInTheCallCentreZone(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database); SessionFactory ignored = schema(db);
                Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            RollupStore store = new RollupStore(c);
            // campaign B: settings thresholds 20 / 1200; 20:59:59 UTC is 23:59:59 in Moscow, 21:00:00 the next day
            store.putCalls(List.of(
                    call(1, "ivanov", "B", "2026-11-02T20:59:59Z", true, 19),
                    call(2, "ivanov", "B", "2026-11-02T10:00:00Z", true, 20),
                    call(3, "ivanov", "B", "2026-11-02T10:00:00Z", true, 1199),
                    call(4, "ivanov", "B", "2026-11-02T10:00:00Z", true, 1200),
                    call(5, "ivanov", "B", "2026-11-02T21:00:00Z", true, 300),
                    call(6, "ivanov", "B", "2026-11-02T10:00:00Z", false, 0)), MOSCOW);
            c.commit();
            Map<String, Counts> rows = rollups(c);
            assertThat(rows.get("ivanov|2026-11-02|B")).isEqualTo(new Counts(5, 4, 3, 1, 1, 19 + 20 + 1199 + 1200, 0, 0));
            assertThat(rows.get("ivanov|2026-11-03|B")).isEqualTo(new Counts(1, 1, 1, 0, 0, 300, 0, 0));
            // a campaign's override changes what counts from the day it is valid, never before it
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_threshold_version (id, campaign_code, valid_from, min_talk_seconds, set_by, set_at)"
                        + " VALUES (501, 'B', DATE '2026-11-03', 301, 'test', CURRENT_TIMESTAMP)");
            }
            store.recountCampaign("B");
            c.commit();
            assertThat(rollups(c).get("ivanov|2026-11-02|B").counted()).isEqualTo(3);
            assertThat(rollups(c).get("ivanov|2026-11-03|B").counted()).isZero();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO core_threshold_version (id, campaign_code, valid_from, min_talk_seconds, set_by, set_at)"
                        + " VALUES (502, 'B', DATE '2026-11-01', 21, 'test', CURRENT_TIMESTAMP)");
            }
            store.recountCampaign("B");
            c.commit();
            assertThat(rollups(c).get("ivanov|2026-11-02|B").counted()).isEqualTo(2);
            assertThat(rollups(c).get("ivanov|2026-11-03|B").counted()).isZero();
            // the call-centre zone moves: every day boundary moves with it
            store.redate(ZoneId.of("UTC"));
            c.commit();
            assertThat(rollups(c).get("ivanov|2026-11-02|B").calls()).isEqualTo(6);
            // in UTC every call is on the 2nd: the 301-second threshold of the 3rd no longer applies to the 300-second one
            assertThat(rollups(c).get("ivanov|2026-11-02|B").counted()).isEqualTo(3);
        }
    }

    private static CallFact call(long id, String operator, String campaign, String at, boolean answered, int talk) {
        return new CallFact(id, operator, "101", "OUT", "+7921000000" + (id % 10), null, campaign,
                campaign.equals("A") ? 1L : 2L, Instant.parse(at), answered, talk, false, null, "u" + id);
    }

    private static CallFact randomCall(Random random, long id) {
        String operator = random.nextInt(20) == 0 ? null : "op" + random.nextInt(6);
        String campaign = switch (random.nextInt(3)) {
            case 0 -> "A";
            case 1 -> "B";
            default -> null;
        };
        boolean answered = random.nextInt(4) != 0;
        int talk = answered ? pick(random, 0, 1, 19, 20, 29, 30, 599, 600, 1199, 1200, 1500, random.nextInt(400)) : 0;
        Instant start = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(random.nextInt(6 * 86400));
        return new CallFact(id, operator, "1" + id % 100, random.nextBoolean() ? "OUT" : "IN",
                "+7921000" + (1000 + random.nextInt(30)), null, campaign,
                campaign == null ? null : campaign.equals("A") ? 1L : 2L, start, answered, talk, false, null, "u" + id);
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    /** DOMAIN.md's definitions applied to the final records, written independently of the SQL. */
    private static Map<String, Counts> expected(Map<Long, CallFact> calls, Map<Long, RollupStore.LeadFact> leads) {
        Map<String, Counts> expected = new TreeMap<>();
        Map<String, CallFact> byUniqueid = new HashMap<>();
        for (CallFact call : calls.values()) {
            byUniqueid.put(call.uniqueid(), call);
            if (call.operator() == null) {
                continue;
            }
            int min = "A".equals(call.campaign()) ? 30 : 20;
            int longCall = "A".equals(call.campaign()) ? 600 : 1200;
            boolean answered = call.answered() && call.talkSeconds() > 0;
            Counts one = new Counts(1, answered ? 1 : 0, answered && call.talkSeconds() >= min ? 1 : 0,
                    answered && call.talkSeconds() < min ? 1 : 0, call.talkSeconds() >= longCall ? 1 : 0,
                    answered ? call.talkSeconds() : 0, 0, 0);
            expected.merge(key(call.operator(), call.startedAt(), call.campaign()), one, Counts::plus);
        }
        // a lead is backed by a counted call of its operator with its number, cited within the window; a call backs
        // only the first lead (by time, then id) it would back, and a backed lead counts on its call's day
        Map<Long, List<RollupStore.LeadFact>> candidates = new HashMap<>();
        for (RollupStore.LeadFact lead : leads.values()) {
            CallFact call = lead.callId() != null ? calls.get(lead.callId()) : byUniqueid.get(lead.callUniqueid());
            if (call == null) {
                continue;
            }
            int min = "A".equals(call.campaign()) ? 30 : 20;
            Instant windowEnd = call.startedAt().plusSeconds(call.talkSeconds()).plusSeconds(12 * 3600);
            Instant endOfDay = LocalDate.ofInstant(call.startedAt(), MOSCOW).plusDays(1).atStartOfDay(MOSCOW).toInstant();
            boolean inWindow = !lead.createdAt().isBefore(call.startedAt().minusSeconds(600))
                    && !lead.createdAt().isAfter(windowEnd.isAfter(endOfDay) ? windowEnd : endOfDay);
            if (lead.operator().equals(call.operator()) && call.answered() && call.talkSeconds() > 0
                    && call.talkSeconds() >= min && lead.numbers().contains(call.number()) && inWindow) {
                candidates.computeIfAbsent(call.callId(), k -> new ArrayList<>()).add(lead);
            }
        }
        Map<Long, Instant> backedOn = new HashMap<>();
        candidates.forEach((callId, citing) -> {
            citing.sort(java.util.Comparator.comparing(RollupStore.LeadFact::createdAt)
                    .thenComparingLong(RollupStore.LeadFact::leadId));
            backedOn.put(citing.get(0).leadId(), calls.get(callId).startedAt());
        });
        assertThat(backedOn).hasSizeGreaterThan(50);
        for (RollupStore.LeadFact lead : leads.values()) {
            Instant day = backedOn.getOrDefault(lead.leadId(), lead.createdAt());
            expected.merge(key(lead.operator(), day, lead.campaign()),
                    Counts.ZERO.withLeads(1, backedOn.containsKey(lead.leadId()) ? 0 : 1), Counts::plus);
        }
        return expected;
    }

    private static Map<String, Long> expectedDials(Map<Long, CallFact> calls) {
        Map<String, Long> expected = new TreeMap<>();
        for (CallFact call : calls.values()) {
            if (call.operator() != null && "OUT".equals(call.direction())) {
                expected.merge(call.operator() + "|" + LocalDate.ofInstant(call.startedAt(), MOSCOW) + "|" + call.number(),
                        1L, Long::sum);
            }
        }
        return expected;
    }

    private static Map<String, Long> dials(Connection c) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT operator, work_day, number, dials FROM reporting_dials");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "|" + rs.getDate(2).toLocalDate() + "|" + rs.getString(3), rs.getLong(4));
            }
        }
        return rows;
    }

    private static String key(String operator, Instant at, String campaign) {
        return operator + "|" + LocalDate.ofInstant(at, MOSCOW) + "|" + (campaign == null ? "" : campaign);
    }

    private static Map<String, Counts> rollups(Connection c) throws SQLException {
        Map<String, Counts> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT operator, work_day, campaign_code, calls, answered, counted,"
                + " short_calls, long_calls, talk_seconds, leads, unbacked_leads FROM reporting_operator_day");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "|" + rs.getDate(2).toLocalDate() + "|" + rs.getString(3),
                        new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                                rs.getLong(9), rs.getLong(10), rs.getLong(11)));
            }
        }
        return rows;
    }
}
