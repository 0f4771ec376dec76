package org.switchboard.reporting.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.switchboard.core.events.CallFact;
import org.switchboard.core.settings.control.ThresholdTimeline;

/**
 * Reporting's read model on one JDBC connection whose transaction the caller owns: the copies of calls and leads,
 * and the rollups kept from them. A changed call moves the rollups by its difference: the copy it replaces is taken
 * out, the new one put in (so a call announced twice, late or changed counts exactly once, where it is now); a
 * lead's operator-day has its lead figures recounted (leads are few). Changes of thresholds or of the time zone
 * recount what they touch from scratch. Writers first lock the guard row, so two transactions never move the
 * same rollup from different snapshots.
 */
public final class RollupStore {

    private static final int IN_LIST = 500;

    /**
     * The thresholds of a call {@code c}: those in force for its campaign on its day (its override, else the centre's),
     * stamped on the copy when it is stored and again when a threshold changes.
     */
    public static final String CAMPAIGN_MIN = "c.min_talk";
    public static final String CAMPAIGN_LONG = "c.long_call";

    /** How long before a call's start (by the PBX's clock) a lead may be entered and still cite it: clocks differ a little. */
    static final Duration START_SLACK = Duration.ofMinutes(10);

    private final Connection c;
    private ZoneId zone;
    private ThresholdTimeline timeline;

    public RollupStore(Connection c) {
        this.c = c;
    }

    public RollupStore(Connection c, ZoneId zone) {
        this.c = c;
        this.zone = zone;
    }

    Connection connection() {
        return c;
    }

    /** The thresholds as they were in force on each day, read once per unit of work. */
    ThresholdTimeline timeline() throws SQLException {
        if (timeline == null) {
            timeline = ThresholdTimeline.load(c);
        }
        return timeline;
    }

    private ZoneId zone() throws SQLException {
        if (zone == null) {
            try (PreparedStatement s = c.prepareStatement("SELECT time_zone FROM core_settings WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                zone = ZoneId.of(rs.getString(1));
            }
        }
        return zone;
    }

    /** The figures of calls grouped by operator, day and campaign; {@code min} and {@code max} are SQL expressions. */
    public static String callFigures(String min, String longCall, String where) {
        return "SELECT c.operator, c.work_day, COALESCE(c.campaign_code, ''), MAX(c.client_id), COUNT(*),"
                + " SUM(CASE WHEN c.answered AND c.talk_seconds > 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.answered AND c.talk_seconds > 0 AND c.talk_seconds >= " + min + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.answered AND c.talk_seconds > 0 AND c.talk_seconds < " + min + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.talk_seconds >= " + longCall + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.answered AND c.talk_seconds > 0 THEN c.talk_seconds ELSE 0 END)"
                + " FROM reporting_call c LEFT JOIN core_campaign k ON k.code = c.campaign_code"
                + " CROSS JOIN core_settings s WHERE s.id = 1 AND c.operator IS NOT NULL AND " + where
                + " GROUP BY c.operator, c.work_day, COALESCE(c.campaign_code, '')";
    }

    /** Leads grouped by operator, the day they count on, and campaign, with those not backed. */
    public static String leadFigures(String min, String where) {
        return "SELECT l.operator, l.work_day, COALESCE(l.campaign_code, ''), MAX(l.client_id), COUNT(*),"
                + " SUM(CASE WHEN " + backed(min) + " THEN 0 ELSE 1 END)"
                + " FROM reporting_lead l WHERE " + where
                + " GROUP BY l.operator, l.work_day, COALESCE(l.campaign_code, '')";
    }

    /**
     * Whether lead {@code l} is backed (DOMAIN.md): decided when the lead or its call is stored, with the thresholds in
     * force ({@link #reback}). Under a request's own minimum talk time it is backed only if its call also reaches that.
     */
    public static String backed(String min) {
        if (min == null || min.equals(CAMPAIGN_MIN)) {
            return "l.backed";
        }
        return "(l.backed AND EXISTS (SELECT 1 FROM reporting_call b WHERE b.id = l.resolved_call_id AND b.talk_seconds >= "
                + min + "))";
    }

    /** Waits for the other writers of the rollups to finish (the guard row is locked until this transaction ends). */
    public void lock() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM reporting_guard WHERE id = 1 FOR UPDATE");
                ResultSet rs = s.executeQuery()) {
            rs.next();
        }
    }

    /** Stores the calls as announced and moves the rollups by the difference to the copies they replace. */
    public void putCalls(List<CallFact> facts, ZoneId zone) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        lock();
        this.zone = zone;
        Deltas deltas = new Deltas();
        List<Long> ids = facts.stream().map(CallFact::callId).toList();
        select("SELECT operator, work_day, campaign_code, client_id, answered, talk_seconds, direction, number, min_talk,"
                + " long_call FROM reporting_call WHERE operator IS NOT NULL AND id IN ", ids,
                rs -> deltas.add(-1, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), nullableLong(rs, 4),
                        rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10)));
        update("DELETE FROM reporting_call WHERE id IN ", ids);
        insertCalls(facts, zone);
        for (CallFact f : facts) {
            if (f.operator() != null) {
                LocalDate day = LocalDate.ofInstant(f.startedAt(), zone);
                ThresholdTimeline.InForce t = timeline().of(f.campaign(), day);
                deltas.add(1, f.operator(), day, f.campaign(), f.clientId(), f.answered(), f.talkSeconds(), f.direction(),
                        f.number(), t.minTalkSeconds(), t.longCallSeconds());
            }
        }
        deltas.apply(c);
        // a lead's backing depends on its call: the leads citing these calls are judged again and their days recounted
        List<String> uniqueids = facts.stream().map(CallFact::uniqueid).filter(u -> u != null).distinct().toList();
        recountLeads(reback(List.of(), ids, uniqueids));
    }

    /** Differences to apply to the rollups: per operator, day and campaign, and per dialled number. */
    static final class Deltas {
        private final Map<List<Object>, long[]> figures = new LinkedHashMap<>();
        private final Map<List<Object>, Long> clients = new HashMap<>();
        private final Map<List<Object>, Long> dials = new LinkedHashMap<>();

        void add(int sign, String operator, LocalDate day, String campaign, Long clientId, boolean answered, int talk,
                String direction, String number, int minTalk, int longCall) {
            List<Object> key = List.of(operator, day, campaign == null ? "" : campaign);
            boolean isAnswered = answered && talk > 0;
            long[] d = figures.computeIfAbsent(key, k -> new long[6]);
            d[0] += sign;
            d[1] += isAnswered ? sign : 0;
            d[2] += isAnswered && talk >= minTalk ? sign : 0;
            d[3] += isAnswered && talk < minTalk ? sign : 0;
            d[4] += talk >= longCall ? sign : 0;
            d[5] += isAnswered ? (long) sign * talk : 0;
            if (clientId != null && sign > 0) {
                clients.put(key, clientId);
            }
            if ("OUT".equals(direction) && number != null) {
                dials.merge(List.of(day, operator, number), (long) sign, Long::sum);
            }
        }

        void apply(Connection c) throws SQLException {
            figures.values().removeIf(d -> java.util.Arrays.stream(d).allMatch(v -> v == 0));
            dials.values().removeIf(d -> d == 0);
            List<List<Object>> keys = new ArrayList<>(figures.keySet());
            if (!keys.isEmpty()) {
                int[] updated;
                try (PreparedStatement s = c.prepareStatement("UPDATE reporting_operator_day SET calls = calls + ?,"
                        + " answered = answered + ?, counted = counted + ?, short_calls = short_calls + ?,"
                        + " long_calls = long_calls + ?, talk_seconds = talk_seconds + ?, client_id = COALESCE(?, client_id)"
                        + " WHERE work_day = ? AND operator = ? AND campaign_code = ?")) {
                    for (List<Object> key : keys) {
                        long[] d = figures.get(key);
                        for (int i = 0; i < 6; i++) {
                            s.setLong(i + 1, d[i]);
                        }
                        setLong(s, 7, clients.get(key));
                        bindKey(s, 8, key);
                        s.addBatch();
                    }
                    updated = s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_operator_day (calls, answered, counted,"
                        + " short_calls, long_calls, talk_seconds, client_id, work_day, operator, campaign_code, leads,"
                        + " unbacked_leads) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
                    boolean any = false;
                    for (int i = 0; i < keys.size(); i++) {
                        if (updated[i] == 0) {
                            long[] d = figures.get(keys.get(i));
                            for (int j = 0; j < 6; j++) {
                                s.setLong(j + 1, d[j]);
                            }
                            setLong(s, 7, clients.get(keys.get(i)));
                            bindKey(s, 8, keys.get(i));
                            s.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        s.executeBatch();
                    }
                }
                deleteEmpty(c, keys);
            }
            List<List<Object>> numbers = new ArrayList<>(dials.keySet());
            if (!numbers.isEmpty()) {
                int[] updated;
                try (PreparedStatement s = c.prepareStatement("UPDATE reporting_dials SET dials = dials + ?"
                        + " WHERE work_day = ? AND operator = ? AND number = ?")) {
                    for (List<Object> key : numbers) {
                        s.setLong(1, dials.get(key));
                        bindKey(s, 2, key);
                        s.addBatch();
                    }
                    updated = s.executeBatch();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_dials (dials, work_day, operator, number)"
                        + " VALUES (?, ?, ?, ?)")) {
                    boolean any = false;
                    for (int i = 0; i < numbers.size(); i++) {
                        if (updated[i] == 0) {
                            s.setLong(1, dials.get(numbers.get(i)));
                            bindKey(s, 2, numbers.get(i));
                            s.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        s.executeBatch();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM reporting_dials WHERE dials <= 0 AND work_day = ?"
                        + " AND operator = ? AND number = ?")) {
                    for (List<Object> key : numbers) {
                        if (dials.get(key) < 0) {
                            bindKey(s, 1, key);
                            s.addBatch();
                        }
                    }
                    s.executeBatch();
                }
            }
        }

        private static void bindKey(PreparedStatement s, int from, List<Object> key) throws SQLException {
            if (key.get(0) instanceof LocalDate day) {
                s.setDate(from, Date.valueOf(day));
                s.setString(from + 1, (String) key.get(1));
            } else {
                s.setDate(from, Date.valueOf((LocalDate) key.get(1)));
                s.setString(from + 1, (String) key.get(0));
            }
            s.setString(from + 2, (String) key.get(2));
        }
    }

    /** Removes rollup rows left with neither calls nor leads. */
    private static void deleteEmpty(Connection c, List<List<Object>> keys) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM reporting_operator_day WHERE calls = 0 AND leads = 0"
                + " AND work_day = ? AND operator = ? AND campaign_code = ?")) {
            for (List<Object> key : keys) {
                Deltas.bindKey(s, 1, key);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Recounts the lead figures of these operator-days from the copies of leads and calls. */
    void recountLeads(Collection<OperatorDay> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        Map<LocalDate, List<String>> byDay = new TreeMap<>();
        keys.forEach(k -> byDay.computeIfAbsent(k.day(), d -> new ArrayList<>()).add(k.operator()));
        List<List<Object>> touched = new ArrayList<>();
        try (PreparedStatement reset = c.prepareStatement("UPDATE reporting_operator_day SET leads = 0, unbacked_leads = 0"
                + " WHERE work_day = ? AND operator = ?")) {
            for (OperatorDay key : keys) {
                reset.setDate(1, Date.valueOf(key.day()));
                reset.setString(2, key.operator());
                reset.addBatch();
            }
            reset.executeBatch();
        }
        for (Map.Entry<LocalDate, List<String>> e : byDay.entrySet()) {
            List<Object> params = new ArrayList<>();
            params.add(Date.valueOf(e.getKey()));
            params.addAll(e.getValue());
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(leadFigures(CAMPAIGN_MIN, "l.work_day = ? AND l.operator IN ("
                    + marks(e.getValue().size()) + ")"))) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), nullableLong(rs, 4),
                                Counts.ZERO.withLeads(rs.getLong(5), rs.getLong(6))));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE reporting_operator_day SET leads = ?, unbacked_leads = ?,"
                    + " client_id = COALESCE(client_id, ?) WHERE work_day = ? AND operator = ? AND campaign_code = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO reporting_operator_day (leads, unbacked_leads,"
                            + " client_id, work_day, operator, campaign_code, calls, answered, counted, short_calls,"
                            + " long_calls, talk_seconds) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)")) {
                for (Row row : rows) {
                    update.setLong(1, row.counts().leads());
                    update.setLong(2, row.counts().unbackedLeads());
                    setLong(update, 3, row.clientId());
                    Deltas.bindKey(update, 4, List.of(row.operator(), row.day(), row.campaign()));
                    if (update.executeUpdate() == 0) {
                        insert.setLong(1, row.counts().leads());
                        insert.setLong(2, row.counts().unbackedLeads());
                        setLong(insert, 3, row.clientId());
                        Deltas.bindKey(insert, 4, List.of(row.operator(), row.day(), row.campaign()));
                        insert.executeUpdate();
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM reporting_operator_day WHERE calls = 0 AND leads = 0"
                + " AND work_day = ? AND operator = ?")) {
            for (OperatorDay key : keys) {
                s.setDate(1, Date.valueOf(key.day()));
                s.setString(2, key.operator());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Inserts copies of calls, no questions asked: the caller has removed any earlier copy. */
    void insertCalls(List<CallFact> facts, ZoneId zone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_call (id, operator, extension, direction,"
                + " number, contact_id, campaign_code, client_id, started_at, work_day, answered, talk_seconds, recorded,"
                + " outcome, uniqueid, source, ended_at, min_talk, long_call)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CallFact f : facts) {
                LocalDate day = LocalDate.ofInstant(f.startedAt(), zone);
                ThresholdTimeline.InForce t = timeline().of(f.campaign(), day);
                int i = 1;
                s.setLong(i++, f.callId());
                s.setString(i++, f.operator());
                s.setString(i++, f.extension());
                s.setString(i++, f.direction());
                s.setString(i++, f.number());
                setLong(s, i++, f.contactId());
                s.setString(i++, f.campaign());
                setLong(s, i++, f.clientId());
                s.setTimestamp(i++, Timestamp.from(f.startedAt()));
                s.setDate(i++, Date.valueOf(day));
                s.setBoolean(i++, f.answered());
                s.setInt(i++, f.talkSeconds());
                s.setBoolean(i++, f.recorded());
                s.setString(i++, f.outcome());
                s.setString(i++, f.uniqueid());
                s.setString(i++, f.source() == null ? "PBX" : f.source());
                s.setTimestamp(i++, f.endedAt() == null ? null : Timestamp.from(f.endedAt()));
                s.setInt(i++, t.minTalkSeconds());
                s.setInt(i, t.longCallSeconds());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Throws away the copies and the rollups, for a rebuild from the modules' own records: the caller then hands
     * every call and lead to {@link #copyCalls} and {@link #copyLeads} and finishes with {@link #recountAll}.
     */
    public void clear() throws SQLException {
        lock();
        for (String table : List.of("reporting_call", "reporting_lead", "reporting_operator_day", "reporting_dials")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
                s.executeUpdate();
            }
        }
    }

    public void copyCalls(List<CallFact> facts, ZoneId zone) throws SQLException {
        insertCalls(facts, zone);
    }

    private static final String INSERT_LEAD = "INSERT INTO reporting_lead (id, operator, campaign_code, client_id,"
            + " created_at, work_day, call_id, call_uniqueid, created_day, entered_at, entry, numbers)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public void copyLeads(List<LeadFact> leads, ZoneId zone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_LEAD)) {
            for (LeadFact lead : leads) {
                bindLead(s, lead, zone);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bindLead(PreparedStatement s, LeadFact lead, ZoneId zone) throws SQLException {
        LocalDate day = LocalDate.ofInstant(lead.createdAt(), zone);
        s.setLong(1, lead.leadId());
        s.setString(2, lead.operator());
        s.setString(3, lead.campaign());
        setLong(s, 4, lead.clientId());
        s.setTimestamp(5, Timestamp.from(lead.createdAt()));
        s.setDate(6, Date.valueOf(day));
        setLong(s, 7, lead.callId());
        s.setString(8, lead.callUniqueid());
        s.setDate(9, Date.valueOf(day));
        s.setTimestamp(10, Timestamp.from(lead.enteredAt() == null ? lead.createdAt() : lead.enteredAt()));
        s.setString(11, lead.entry() == null ? "LIVE" : lead.entry());
        s.setString(12, joinNumbers(lead.numbers()));
    }

    /** The numbers as one column: {@code |+7…|+7…|}, so a number is found with a plain substring test. */
    static String joinNumbers(List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return null;
        }
        String joined = "|" + String.join("|", numbers) + "|";
        return joined.length() > 2000 ? joined.substring(0, joined.lastIndexOf('|', 1999) + 1) : joined;
    }

    /**
     * A lead as created or changed.
     *
     * @param numbers the contact's numbers when the lead was entered
     */
    public record LeadFact(long leadId, String operator, String campaign, Long clientId, Instant createdAt, Long callId,
            String callUniqueid, Instant enteredAt, String entry, List<String> numbers) {

        public LeadFact(long leadId, String operator, String campaign, Long clientId, Instant createdAt, Long callId,
                String callUniqueid) {
            this(leadId, operator, campaign, clientId, createdAt, callId, callUniqueid, createdAt, "LIVE", List.of());
        }
    }

    /** Stores the lead as announced and recounts the operator-day it left and the one it is on. */
    public void putLead(LeadFact lead, ZoneId zone) throws SQLException {
        lock();
        this.zone = zone;
        Set<OperatorDay> dirty = new TreeSet<>();
        // the lead as it was stored, and the leads that shared its call then: they may be backed now it left
        List<Long> formerCalls = new ArrayList<>();
        select("SELECT operator, work_day, resolved_call_id FROM reporting_lead WHERE id IN ", List.of(lead.leadId()), rs -> {
            dirty.add(key(rs));
            Long call = nullableLong(rs, 3);
            if (call != null) {
                formerCalls.add(call);
            }
        });
        update("DELETE FROM reporting_lead WHERE id IN ", List.of(lead.leadId()));
        LocalDate day = LocalDate.ofInstant(lead.createdAt(), zone);
        try (PreparedStatement s = c.prepareStatement(INSERT_LEAD)) {
            bindLead(s, lead, zone);
            s.executeUpdate();
        }
        dirty.add(new OperatorDay(lead.operator(), day));
        dirty.addAll(reback(List.of(lead.leadId()), formerCalls, List.of()));
        recountLeads(dirty);
    }

    /**
     * Recounts the operator-days that have figures in a campaign, after its thresholds changed: the campaign's calls get
     * the thresholds now in force on their days, and the leads citing them are judged again.
     */
    public void recountCampaign(String campaign) throws SQLException {
        lock();
        restamp(campaign);
        Set<OperatorDay> dirty = new TreeSet<>();
        List<Long> calls = new ArrayList<>();
        select("SELECT id FROM reporting_call WHERE campaign_code IN ", List.of(campaign), rs -> calls.add(rs.getLong(1)));
        for (int from = 0; from < calls.size(); from += 5000) {
            dirty.addAll(reback(List.of(), calls.subList(from, Math.min(calls.size(), from + 5000)), List.of()));
        }
        select("SELECT DISTINCT operator, work_day FROM reporting_operator_day WHERE campaign_code IN ", List.of(campaign),
                rs -> dirty.add(key(rs)));
        select("SELECT DISTINCT l.operator, l.work_day FROM reporting_lead l JOIN reporting_call b ON b.id = l.resolved_call_id"
                + " WHERE b.campaign_code IN ", List.of(campaign), rs -> dirty.add(key(rs)));
        recount(dirty);
    }

    /**
     * Stamps the copies of calls (of one campaign, or all when null) with the thresholds in force for their campaign on
     * their day: one statement per campaign and day, only where the values differ.
     */
    void restamp(String campaign) throws SQLException {
        timeline = null;
        List<Object[]> pairs = new ArrayList<>();
        String sql = "SELECT DISTINCT campaign_code, work_day FROM reporting_call"
                + (campaign == null ? "" : " WHERE campaign_code = ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (campaign != null) {
                s.setString(1, campaign);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new Object[] {rs.getString(1), rs.getDate(2).toLocalDate()});
                }
            }
        }
        try (PreparedStatement withCampaign = c.prepareStatement("UPDATE reporting_call SET min_talk = ?, long_call = ?"
                + " WHERE work_day = ? AND campaign_code = ? AND (min_talk <> ? OR long_call <> ?)");
                PreparedStatement without = c.prepareStatement("UPDATE reporting_call SET min_talk = ?, long_call = ?"
                        + " WHERE work_day = ? AND campaign_code IS NULL AND (min_talk <> ? OR long_call <> ?)")) {
            for (Object[] pair : pairs) {
                ThresholdTimeline.InForce t = timeline().of((String) pair[0], (LocalDate) pair[1]);
                PreparedStatement s = pair[0] == null ? without : withCampaign;
                int i = 1;
                s.setInt(i++, t.minTalkSeconds());
                s.setInt(i++, t.longCallSeconds());
                s.setDate(i++, Date.valueOf((LocalDate) pair[1]));
                if (pair[0] != null) {
                    s.setString(i++, (String) pair[0]);
                }
                s.setInt(i++, t.minTalkSeconds());
                s.setInt(i, t.longCallSeconds());
                s.addBatch();
            }
            withCampaign.executeBatch();
            without.executeBatch();
        }
    }

    /** Moves every copied call and lead to its day in {@code zone}, then recounts everything. */
    public void redate(ZoneId zone) throws SQLException {
        lock();
        this.zone = zone;
        for (String table : List.of("reporting_call", "reporting_lead")) {
            String time = table.equals("reporting_call") ? "started_at" : "created_at";
            long after = Long.MIN_VALUE;
            try (PreparedStatement read = c.prepareStatement("SELECT id, " + time + " FROM " + table
                    + " WHERE id > ? ORDER BY id FETCH FIRST 5000 ROWS ONLY");
                    // a lead's own day moves; the day it counts on is decided again below, with its backing
                    PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET work_day = ?"
                            + (table.equals("reporting_lead") ? ", created_day = ?" : "") + " WHERE id = ?")) {
                while (true) {
                    read.setLong(1, after);
                    int n = 0;
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            Date day = Date.valueOf(LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), zone));
                            int i = 1;
                            write.setDate(i++, day);
                            if (table.equals("reporting_lead")) {
                                write.setDate(i++, day);
                            }
                            write.setLong(i, after);
                            write.addBatch();
                            n++;
                        }
                    }
                    write.executeBatch();
                    if (n < 5000) {
                        break;
                    }
                }
            }
        }
        recountAll();
    }

    /**
     * Throws the rollups away and counts every day again from the copies, after stamping every call with the thresholds
     * in force on its day and judging every lead's backing again: what a change of thresholds runs, and the backfill.
     */
    public void recountAll() throws SQLException {
        lock();
        restamp(null);
        List<Long> leads = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM reporting_lead ORDER BY id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                leads.add(rs.getLong(1));
            }
        }
        for (int from = 0; from < leads.size(); from += 2000) {
            reback(leads.subList(from, Math.min(leads.size(), from + 2000)), List.of(), List.of());
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM reporting_operator_day")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM reporting_dials")) {
            s.executeUpdate();
        }
        LocalDate first = null;
        LocalDate last = null;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(work_day), MAX(work_day) FROM (SELECT work_day FROM reporting_call"
                + " UNION ALL SELECT work_day FROM reporting_lead) d"); ResultSet rs = s.executeQuery()) {
            if (rs.next() && rs.getDate(1) != null) {
                first = rs.getDate(1).toLocalDate();
                last = rs.getDate(2).toLocalDate();
            }
        }
        for (LocalDate day = first; day != null && !day.isAfter(last); day = day.plusDays(1)) {
            write(count("c.work_day = ?", "l.work_day = ?", List.of(Date.valueOf(day))), countDials("c.work_day = ?", List.of(Date.valueOf(day))));
        }
    }

    /** Replaces the rollup rows of these operator-days with a fresh count. */
    public void recount(Collection<OperatorDay> keys) throws SQLException {
        Map<LocalDate, List<String>> byDay = new TreeMap<>();
        for (OperatorDay key : keys) {
            byDay.computeIfAbsent(key.day(), d -> new ArrayList<>()).add(key.operator());
        }
        for (Map.Entry<LocalDate, List<String>> e : byDay.entrySet()) {
            List<String> operators = e.getValue();
            for (int from = 0; from < operators.size(); from += IN_LIST) {
                List<String> part = operators.subList(from, Math.min(operators.size(), from + IN_LIST));
                String in = " IN (" + marks(part.size()) + ")";
                List<Object> params = new ArrayList<>();
                params.add(Date.valueOf(e.getKey()));
                params.addAll(part);
                for (String table : List.of("reporting_operator_day", "reporting_dials")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE work_day = ? AND operator" + in)) {
                        bind(s, params);
                        s.executeUpdate();
                    }
                }
                write(count("c.work_day = ? AND c.operator" + in, "l.work_day = ? AND l.operator" + in, params),
                        countDials("c.work_day = ? AND c.operator" + in, params));
            }
        }
    }

    /** A rollup row: operator, day and campaign with the client and the figures. */
    public record Row(String operator, LocalDate day, String campaign, Long clientId, Counts counts) {
    }

    /** Counts calls and leads matching the two conditions (on {@code c} and {@code l}), with the campaign thresholds. */
    List<Row> count(String callWhere, String leadWhere, List<Object> params) throws SQLException {
        Map<List<Object>, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(callFigures(CAMPAIGN_MIN, CAMPAIGN_LONG, callWhere))) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), nullableLong(rs, 4),
                            new Counts(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                    rs.getLong(10), 0, 0));
                    rows.put(List.of(row.operator(), row.day(), row.campaign()), row);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(leadFigures(CAMPAIGN_MIN, leadWhere))) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String operator = rs.getString(1);
                    LocalDate day = rs.getDate(2).toLocalDate();
                    String campaign = rs.getString(3);
                    Long client = nullableLong(rs, 4);
                    rows.merge(List.of(operator, day, campaign),
                            new Row(operator, day, campaign, client, Counts.ZERO.withLeads(rs.getLong(5), rs.getLong(6))),
                            (a, b) -> new Row(a.operator(), a.day(), a.campaign(),
                                    a.clientId() != null ? a.clientId() : b.clientId(),
                                    a.counts().withLeads(b.counts().leads(), b.counts().unbackedLeads())));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** Outbound dials per operator, day and number. */
    private List<Object[]> countDials(String where, List<Object> params) throws SQLException {
        List<Object[]> groups = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.operator, c.work_day, c.number, COUNT(*)"
                + " FROM reporting_call c WHERE c.direction = 'OUT' AND c.operator IS NOT NULL"
                + " AND c.number IS NOT NULL AND " + where + " GROUP BY c.operator, c.work_day, c.number")) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.add(new Object[] {rs.getString(1), rs.getDate(2), rs.getString(3), rs.getLong(4)});
                }
            }
        }
        return groups;
    }

    private void write(List<Row> rows, List<Object[]> dials) throws SQLException {
        if (!rows.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_operator_day (work_day, operator, campaign_code,"
                    + " client_id, calls, answered, counted, short_calls, long_calls, talk_seconds, leads, unbacked_leads)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row row : rows) {
                    Counts n = row.counts();
                    s.setDate(1, Date.valueOf(row.day()));
                    s.setString(2, row.operator());
                    s.setString(3, row.campaign());
                    setLong(s, 4, row.clientId());
                    s.setLong(5, n.calls());
                    s.setLong(6, n.answered());
                    s.setLong(7, n.counted());
                    s.setLong(8, n.shortCalls());
                    s.setLong(9, n.longCalls());
                    s.setLong(10, n.talkSeconds());
                    s.setLong(11, n.leads());
                    s.setLong(12, n.unbackedLeads());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!dials.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_dials (operator, work_day, number, dials)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (Object[] g : dials) {
                    s.setString(1, (String) g[0]);
                    s.setDate(2, (Date) g[1]);
                    s.setString(3, (String) g[2]);
                    s.setLong(4, (Long) g[3]);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** A copied lead as stored, with its current verdict. */
    private record StoredLead(Backing.Lead lead, LocalDate workDay, Long callId, String uniqueid, boolean backed,
            String reason, Long resolved, boolean late) {
    }

    private static final String LEAD_COLUMNS = "SELECT id, operator, created_at, created_day, work_day, call_id,"
            + " call_uniqueid, numbers, backed, unbacked_reason, resolved_call_id, late FROM reporting_lead WHERE ";
    private static final String CALL_COLUMNS = "SELECT id, operator, number, work_day, started_at, ended_at, talk_seconds,"
            + " answered, source, min_talk, uniqueid FROM reporting_call WHERE ";

    /**
     * Judges again whether leads are backed — these leads, and those citing these calls (by id or uniqueid), with every
     * other lead citing the same calls, since one call backs one lead — and stores the verdicts.
     *
     * @return the operator-days whose lead figures changed: those the leads left and those they count on now
     */
    Set<OperatorDay> reback(Collection<Long> leadIds, Collection<Long> callIds, Collection<String> uniqueids)
            throws SQLException {
        Map<Long, StoredLead> leads = new HashMap<>();
        loadLeads(leads, "id IN ", leadIds);
        loadLeads(leads, "call_id IN ", callIds);
        loadLeads(leads, "resolved_call_id IN ", callIds);
        loadLeads(leads, "call_uniqueid IN ", uniqueids);
        if (leads.isEmpty()) {
            return Set.of();
        }
        Map<Long, Backing.Call> callsById = new HashMap<>();
        Map<String, List<Backing.Call>> callsByUniqueid = new HashMap<>();
        Map<Long, Backing.Call> cited = resolve(leads, callsById, callsByUniqueid);
        // the other leads citing the same calls compete for them
        Set<Long> citedIds = new TreeSet<>();
        cited.values().forEach(call -> citedIds.add(call.id()));
        List<String> citedUniqueids = new ArrayList<>();
        select("SELECT DISTINCT uniqueid FROM reporting_call WHERE uniqueid IS NOT NULL AND id IN ", new ArrayList<>(citedIds),
                rs -> citedUniqueids.add(rs.getString(1)));
        int known = leads.size();
        loadLeads(leads, "call_id IN ", citedIds);
        loadLeads(leads, "resolved_call_id IN ", citedIds);
        loadLeads(leads, "call_uniqueid IN ", citedUniqueids);
        if (leads.size() > known) {
            cited = resolve(leads, callsById, callsByUniqueid);
        }
        ThresholdTimeline t = timeline();
        Map<Long, Backing.Verdict> verdicts = Backing.judgeAll(leads.values().stream().map(StoredLead::lead).toList(),
                cited, zone(), day -> t.centre(day).backingWindowHours());
        Set<OperatorDay> dirty = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE reporting_lead SET backed = ?, unbacked_reason = ?,"
                + " resolved_call_id = ?, late = ?, work_day = ? WHERE id = ?")) {
            for (StoredLead stored : leads.values()) {
                Backing.Verdict v = verdicts.get(stored.lead().id());
                Backing.Call call = cited.get(stored.lead().id());
                Long resolved = call == null ? null : call.id();
                String reason = v.reason() == null ? null : v.reason().name();
                if (stored.backed() == v.backed() && java.util.Objects.equals(stored.reason(), reason)
                        && java.util.Objects.equals(stored.resolved(), resolved) && stored.late() == v.late()
                        && stored.workDay().equals(v.day())) {
                    continue;
                }
                s.setBoolean(1, v.backed());
                s.setString(2, reason);
                setLong(s, 3, resolved);
                s.setBoolean(4, v.late());
                s.setDate(5, Date.valueOf(v.day()));
                s.setLong(6, stored.lead().id());
                s.addBatch();
                dirty.add(new OperatorDay(stored.lead().operator(), stored.workDay()));
                dirty.add(new OperatorDay(stored.lead().operator(), v.day()));
            }
            s.executeBatch();
        }
        return dirty;
    }

    private void loadLeads(Map<Long, StoredLead> into, String where, Collection<?> values) throws SQLException {
        select(LEAD_COLUMNS + where, new ArrayList<>(values), rs -> {
            long id = rs.getLong(1);
            if (!into.containsKey(id)) {
                LocalDate workDay = rs.getDate(5).toLocalDate();
                java.sql.Date createdDay = rs.getDate(4);
                Long callId = nullableLong(rs, 6);
                String uniqueid = rs.getString(7);
                into.put(id, new StoredLead(new Backing.Lead(id, rs.getString(2), rs.getTimestamp(3).toInstant(),
                        createdDay == null ? workDay : createdDay.toLocalDate(), callId != null || uniqueid != null,
                        rs.getString(8)), workDay, callId, uniqueid, rs.getBoolean(9), rs.getString(10),
                        nullableLong(rs, 11), rs.getBoolean(12)));
            }
        });
    }

    /**
     * The call each lead cites: by id, else by uniqueid (of a call's legs, the one of the lead's operator from the PBX,
     * else the first).
     */
    private Map<Long, Backing.Call> resolve(Map<Long, StoredLead> leads, Map<Long, Backing.Call> byId,
            Map<String, List<Backing.Call>> byUniqueid) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> uniqueids = new ArrayList<>();
        for (StoredLead l : leads.values()) {
            if (l.callId() != null && !byId.containsKey(l.callId())) {
                ids.add(l.callId());
            } else if (l.callId() == null && l.uniqueid() != null && !byUniqueid.containsKey(l.uniqueid())) {
                uniqueids.add(l.uniqueid());
            }
        }
        select(CALL_COLUMNS + "id IN ", ids, rs -> {
            Backing.Call call = call(rs);
            byId.put(call.id(), call);
        });
        uniqueids.forEach(u -> byUniqueid.put(u, new ArrayList<>()));
        select(CALL_COLUMNS + "uniqueid IN ", uniqueids, rs -> {
            Backing.Call call = call(rs);
            byId.put(call.id(), call);
            byUniqueid.get(rs.getString(11)).add(call);
        });
        Map<Long, Backing.Call> cited = new HashMap<>();
        for (StoredLead l : leads.values()) {
            Backing.Call call = null;
            if (l.callId() != null) {
                call = byId.get(l.callId());
            } else if (l.uniqueid() != null) {
                call = byUniqueid.getOrDefault(l.uniqueid(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing((Backing.Call b) -> !(l.lead().operator().equals(b.operator())
                                && b.fromPbx())).thenComparingLong(Backing.Call::id))
                        .findFirst().orElse(null);
            }
            if (call != null) {
                cited.put(l.lead().id(), call);
            }
        }
        return cited;
    }

    private static Backing.Call call(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp(6);
        return new Backing.Call(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getTimestamp(5).toInstant(), ended == null ? null : ended.toInstant(), rs.getInt(7), rs.getBoolean(8),
                rs.getString(9), rs.getInt(10));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void select(String sql, List<?> values, RowReader reader) throws SQLException {
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<?> part = values.subList(from, Math.min(values.size(), from + IN_LIST));
            try (PreparedStatement s = c.prepareStatement(sql + "(" + marks(part.size()) + ")")) {
                bind(s, part);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private void update(String sql, List<?> values) throws SQLException {
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<?> part = values.subList(from, Math.min(values.size(), from + IN_LIST));
            try (PreparedStatement s = c.prepareStatement(sql + "(" + marks(part.size()) + ")")) {
                bind(s, part);
                s.executeUpdate();
            }
        }
    }

    private static OperatorDay key(ResultSet rs) throws SQLException {
        return new OperatorDay(rs.getString(1), rs.getDate(2).toLocalDate());
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement s, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }
}
