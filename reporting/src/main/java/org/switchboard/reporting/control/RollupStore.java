package org.switchboard.reporting.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

    /** The effective thresholds of a call: its campaign's override, else the settings. */
    public static final String CAMPAIGN_MIN = "COALESCE(k.min_talk_seconds, s.min_talk_seconds)";
    public static final String CAMPAIGN_LONG = "COALESCE(k.long_call_seconds, s.long_call_seconds)";

    private final Connection c;

    public RollupStore(Connection c) {
        this.c = c;
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

    /**
     * Leads grouped by operator, day and campaign, with those not backed: a lead is backed when its call (by id,
     * or by Asterisk uniqueid) is a counted call of the lead's own operator.
     */
    public static String leadFigures(String min, String where) {
        return "SELECT l.operator, l.work_day, COALESCE(l.campaign_code, ''), MAX(l.client_id), COUNT(*),"
                + " SUM(CASE WHEN " + backed(min) + " THEN 0 ELSE 1 END)"
                + " FROM reporting_lead l CROSS JOIN core_settings s WHERE s.id = 1 AND " + where
                + " GROUP BY l.operator, l.work_day, COALESCE(l.campaign_code, '')";
    }

    /**
     * Whether lead {@code l} is backed: its call (by id, or by Asterisk uniqueid) is a counted call of the lead's own
     * operator. Two EXISTS rather than one OR, so that each uses its index.
     */
    public static String backed(String min) {
        String counted = " AND b.operator = l.operator AND b.answered AND b.talk_seconds > 0 AND b.talk_seconds >= "
                + min.replace("k.", "bk.") + ")";
        String call = "SELECT 1 FROM reporting_call b LEFT JOIN core_campaign bk ON bk.code = b.campaign_code WHERE ";
        return "(EXISTS (" + call + "b.id = l.call_id" + counted + " OR EXISTS (" + call + "b.uniqueid = l.call_uniqueid"
                + counted + ")";
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
        Thresholds thresholds = thresholds();
        Deltas deltas = new Deltas();
        List<Long> ids = facts.stream().map(CallFact::callId).toList();
        select("SELECT operator, work_day, campaign_code, client_id, answered, talk_seconds, direction, number"
                + " FROM reporting_call WHERE operator IS NOT NULL AND id IN ", ids,
                rs -> deltas.add(-1, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), nullableLong(rs, 4),
                        rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), thresholds));
        update("DELETE FROM reporting_call WHERE id IN ", ids);
        insertCalls(facts, zone);
        for (CallFact f : facts) {
            if (f.operator() != null) {
                deltas.add(1, f.operator(), LocalDate.ofInstant(f.startedAt(), zone), f.campaign(), f.clientId(),
                        f.answered(), f.talkSeconds(), f.direction(), f.number(), thresholds);
            }
        }
        deltas.apply(c);
        // a lead's backing depends on its call: the leads tied to these calls are recounted
        Set<OperatorDay> leadDays = new TreeSet<>();
        select("SELECT operator, work_day FROM reporting_lead WHERE call_id IN ", ids, rs -> leadDays.add(key(rs)));
        List<String> uniqueids = facts.stream().map(CallFact::uniqueid).filter(u -> u != null).distinct().toList();
        select("SELECT operator, work_day FROM reporting_lead WHERE call_uniqueid IN ", uniqueids, rs -> leadDays.add(key(rs)));
        recountLeads(leadDays);
    }

    /** The thresholds in force: the settings', and the campaigns that override them. */
    record Thresholds(int min, int longCall, Map<String, int[]> campaigns) {

        int minOf(String campaign) {
            int[] own = campaign == null ? null : campaigns.get(campaign);
            return own != null && own[0] > 0 ? own[0] : min;
        }

        int longOf(String campaign) {
            int[] own = campaign == null ? null : campaigns.get(campaign);
            return own != null && own[1] > 0 ? own[1] : longCall;
        }
    }

    private Thresholds thresholds() throws SQLException {
        int min;
        int longCall;
        try (PreparedStatement s = c.prepareStatement("SELECT min_talk_seconds, long_call_seconds FROM core_settings WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            min = rs.getInt(1);
            longCall = rs.getInt(2);
        }
        Map<String, int[]> campaigns = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT code, min_talk_seconds, long_call_seconds FROM core_campaign"
                + " WHERE min_talk_seconds IS NOT NULL OR long_call_seconds IS NOT NULL"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                campaigns.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
            }
        }
        return new Thresholds(min, longCall, campaigns);
    }

    /** Differences to apply to the rollups: per operator, day and campaign, and per dialled number. */
    static final class Deltas {
        private final Map<List<Object>, long[]> figures = new LinkedHashMap<>();
        private final Map<List<Object>, Long> clients = new HashMap<>();
        private final Map<List<Object>, Long> dials = new LinkedHashMap<>();

        void add(int sign, String operator, LocalDate day, String campaign, Long clientId, boolean answered, int talk,
                String direction, String number, Thresholds t) {
            List<Object> key = List.of(operator, day, campaign == null ? "" : campaign);
            boolean isAnswered = answered && talk > 0;
            long[] d = figures.computeIfAbsent(key, k -> new long[6]);
            d[0] += sign;
            d[1] += isAnswered ? sign : 0;
            d[2] += isAnswered && talk >= t.minOf(campaign) ? sign : 0;
            d[3] += isAnswered && talk < t.minOf(campaign) ? sign : 0;
            d[4] += talk >= t.longOf(campaign) ? sign : 0;
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
                + " outcome, uniqueid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CallFact f : facts) {
                LocalDate day = LocalDate.ofInstant(f.startedAt(), zone);
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
                s.setString(i, f.uniqueid());
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

    public void copyLeads(List<LeadFact> leads, ZoneId zone) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_lead (id, operator, campaign_code, client_id,"
                + " created_at, work_day, call_id, call_uniqueid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LeadFact lead : leads) {
                bindLead(s, lead, zone);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bindLead(PreparedStatement s, LeadFact lead, ZoneId zone) throws SQLException {
        s.setLong(1, lead.leadId());
        s.setString(2, lead.operator());
        s.setString(3, lead.campaign());
        setLong(s, 4, lead.clientId());
        s.setTimestamp(5, Timestamp.from(lead.createdAt()));
        s.setDate(6, Date.valueOf(LocalDate.ofInstant(lead.createdAt(), zone)));
        setLong(s, 7, lead.callId());
        s.setString(8, lead.callUniqueid());
    }

    /** A lead as created or changed. */
    public record LeadFact(long leadId, String operator, String campaign, Long clientId, Instant createdAt, Long callId,
            String callUniqueid) {
    }

    /** Stores the lead as announced and recounts the operator-day it left and the one it is on. */
    public void putLead(LeadFact lead, ZoneId zone) throws SQLException {
        lock();
        Set<OperatorDay> dirty = new TreeSet<>();
        select("SELECT operator, work_day FROM reporting_lead WHERE id IN ", List.of(lead.leadId()), rs -> dirty.add(key(rs)));
        update("DELETE FROM reporting_lead WHERE id IN ", List.of(lead.leadId()));
        LocalDate day = LocalDate.ofInstant(lead.createdAt(), zone);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reporting_lead (id, operator, campaign_code, client_id,"
                + " created_at, work_day, call_id, call_uniqueid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindLead(s, lead, zone);
            s.executeUpdate();
        }
        dirty.add(new OperatorDay(lead.operator(), day));
        recountLeads(dirty);
    }

    /** Recounts the operator-days that have figures in a campaign, after its thresholds changed. */
    public void recountCampaign(String campaign) throws SQLException {
        lock();
        Set<OperatorDay> dirty = new TreeSet<>();
        select("SELECT DISTINCT operator, work_day FROM reporting_operator_day WHERE campaign_code IN ", List.of(campaign),
                rs -> dirty.add(key(rs)));
        select("SELECT DISTINCT l.operator, l.work_day FROM reporting_lead l JOIN reporting_call b ON b.id = l.call_id"
                + " WHERE b.campaign_code IN ", List.of(campaign), rs -> dirty.add(key(rs)));
        recount(dirty);
    }

    /** Moves every copied call and lead to its day in {@code zone}, then recounts everything. */
    public void redate(ZoneId zone) throws SQLException {
        lock();
        for (String table : List.of("reporting_call", "reporting_lead")) {
            String time = table.equals("reporting_call") ? "started_at" : "created_at";
            long after = Long.MIN_VALUE;
            try (PreparedStatement read = c.prepareStatement("SELECT id, " + time + " FROM " + table
                    + " WHERE id > ? ORDER BY id FETCH FIRST 5000 ROWS ONLY");
                    PreparedStatement write = c.prepareStatement("UPDATE " + table + " SET work_day = ? WHERE id = ?")) {
                while (true) {
                    read.setLong(1, after);
                    int n = 0;
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            write.setDate(1, Date.valueOf(LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), zone)));
                            write.setLong(2, after);
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

    /** Throws the rollups away and counts every day again from the copies. */
    public void recountAll() throws SQLException {
        lock();
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
