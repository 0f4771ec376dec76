package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The operator-day report: read from the rollups (one indexed range over a few rows per operator-day), or, when
 * the request names its own thresholds, counted from the copies of the calls with them. Operator-days with a plan
 * and no work are in it too — an operator who made no calls is the first thing a supervisor must see.
 */
@ApplicationScoped
public class OperatorDays {

    @Resource
    DataSource dataSource;

    /** One row of the report. */
    public record Figures(LocalDate date, String operator, String extension, String team, Counts counts, int planCalls,
            int planLeads) {

        public Double planPercent() {
            return Counts.planPercent(counts.counted(), planCalls);
        }
    }

    /** A user's extension and team. */
    public record Person(String extension, String team) {
    }

    /** The thresholds as they were in force on each day. */
    public org.switchboard.core.settings.control.ThresholdTimeline timeline() {
        try (Connection c = dataSource.getConnection()) {
            return org.switchboard.core.settings.control.ThresholdTimeline.load(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the thresholds failed: " + e.getMessage(), e);
        }
    }

    public List<Figures> rows(ReportQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, q);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the operator-day figures failed: " + e.getMessage(), e);
        }
    }

    public static List<Figures> rows(Connection c, ReportQuery q) throws SQLException {
        Map<OperatorDay, Counts> counts = q.adHocThresholds() ? countFromCalls(c, q) : readRollups(c, q);
        Map<OperatorDay, int[]> plans = plans(c, q);
        Map<String, Person> people = people(c);
        TreeMap<OperatorDay, Counts> all = new TreeMap<>(counts);
        if (!q.narrowedToWork()) {
            plans.keySet().forEach(key -> all.putIfAbsent(key, Counts.ZERO));
        }
        List<Figures> rows = new ArrayList<>(all.size());
        for (Map.Entry<OperatorDay, Counts> e : all.entrySet()) {
            Person person = people.getOrDefault(e.getKey().operator(), new Person(null, null));
            // a plan is the operator's whole day: against one client's or campaign's share of it, it would mislead
            int[] plan = q.narrowedToWork() ? new int[2] : plans.getOrDefault(e.getKey(), new int[2]);
            rows.add(new Figures(e.getKey().day(), e.getKey().operator(), person.extension(), person.team(), e.getValue(),
                    plan[0], plan[1]));
        }
        return rows;
    }

    private static Map<OperatorDay, Counts> readRollups(Connection c, ReportQuery q) throws SQLException {
        ReportQuery.Where where = q.where("r");
        Map<OperatorDay, Counts> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.operator, r.work_day, SUM(r.calls), SUM(r.answered),"
                + " SUM(r.counted), SUM(r.short_calls), SUM(r.long_calls), SUM(r.talk_seconds), SUM(r.leads),"
                + " SUM(r.unbacked_leads) FROM reporting_operator_day r WHERE " + where.sql()
                + " GROUP BY r.operator, r.work_day")) {
            RollupStore.bind(s, where.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(new OperatorDay(rs.getString(1), rs.getDate(2).toLocalDate()), new Counts(rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10)));
                }
            }
        }
        return counts;
    }

    /** The same figures counted from the copies of calls and leads, with the thresholds the request names. */
    private static Map<OperatorDay, Counts> countFromCalls(Connection c, ReportQuery q) throws SQLException {
        Map<OperatorDay, Counts> counts = new HashMap<>();
        ReportQuery.Where calls = q.where("c");
        try (PreparedStatement s = c.prepareStatement(RollupStore.callFigures(q.minTalkSql(), q.longCallSql(), calls.sql()))) {
            RollupStore.bind(s, calls.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.merge(new OperatorDay(rs.getString(1), rs.getDate(2).toLocalDate()), new Counts(rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), 0, 0), Counts::plus);
                }
            }
        }
        ReportQuery.Where leads = q.where("l");
        try (PreparedStatement s = c.prepareStatement(RollupStore.leadFigures(q.minTalkSql(), leads.sql()))) {
            RollupStore.bind(s, leads.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.merge(new OperatorDay(rs.getString(1), rs.getDate(2).toLocalDate()),
                            Counts.ZERO.withLeads(rs.getLong(5), rs.getLong(6)), Counts::plus);
                }
            }
        }
        return counts;
    }

    /** Plans per operator-day: {calls, leads}. */
    static Map<OperatorDay, int[]> plans(Connection c, ReportQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT p.operator, p.work_day, p.calls, p.leads FROM reporting_plan p"
                + " WHERE p.work_day BETWEEN ? AND ?");
        List<Object> params = new ArrayList<>(List.of(java.sql.Date.valueOf(q.from()), java.sql.Date.valueOf(q.to())));
        if (q.operator() != null) {
            sql.append(" AND p.operator = ?");
            params.add(q.operator());
        }
        if (q.team() != null) {
            sql.append(" AND p.operator IN (SELECT u.username FROM core_user u WHERE u.team = ?)");
            params.add(q.team());
        }
        Map<OperatorDay, int[]> plans = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            RollupStore.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plans.put(new OperatorDay(rs.getString(1), rs.getDate(2).toLocalDate()),
                            new int[] {rs.getInt(3), rs.getInt(4)});
                }
            }
        }
        return plans;
    }

    static Map<String, Person> people(Connection c) throws SQLException {
        Map<String, Person> people = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT username, extension, team FROM core_user");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                people.put(rs.getString(1), new Person(rs.getString(2), rs.getString(3)));
            }
        }
        return people;
    }
}
