package org.switchboard.reporting.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anomalies that read the evidence itself rather than the day's totals (DOMAIN.md): a call cited by several leads,
 * a lead entered long after its call, a recording a person attached or replaced, an outcome whose call never came
 * from the PBX. Each names the records behind it.
 */
final class EvidenceAnomalies {

    /** How far apart an operator's log and the PBX's record of the same call may start and still join. */
    static final Duration JOIN_WINDOW = Duration.ofMinutes(10);

    private EvidenceAnomalies() {
    }

    /** {@code SHARED_CALL}: a call cited by more than one lead, on the call's day, for the call's operator. */
    static List<Anomaly> sharedCalls(Connection c, ReportQuery q, Map<String, String> extensions) throws SQLException {
        ReportQuery.Where where = q.where("c");
        Map<Long, Object[]> calls = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.operator, c.work_day, COUNT(*) FROM reporting_lead l"
                + " JOIN reporting_call c ON c.id = l.resolved_call_id WHERE " + where.sql()
                + " GROUP BY c.id, c.operator, c.work_day HAVING COUNT(*) > 1 ORDER BY c.id")) {
            RollupStore.bind(s, where.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    calls.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4)});
                }
            }
        }
        List<Anomaly> found = new ArrayList<>();
        for (Map.Entry<Long, Object[]> e : calls.entrySet()) {
            List<Map<String, Object>> leads = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, operator, created_at, backed FROM reporting_lead"
                    + " WHERE resolved_call_id = ? ORDER BY created_at, id")) {
                s.setLong(1, e.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        leads.add(AnomalyRules.evidence("leadId", rs.getLong(1), "operator", rs.getString(2), "createdAt",
                                rs.getTimestamp(3).toInstant(), "backed", rs.getBoolean(4)));
                    }
                }
            }
            String operator = (String) e.getValue()[0];
            found.add(new Anomaly(Anomaly.Type.SHARED_CALL, operator, extensions.get(operator), (LocalDate) e.getValue()[1],
                    "Call " + e.getKey() + " is cited by " + e.getValue()[2] + " leads; it backs only the first",
                    AnomalyRules.evidence("callId", e.getKey(), "leads", e.getValue()[2], "leadIds",
                            leads.stream().map(l -> l.get("leadId")).toList(), "citing", leads)));
        }
        return found;
    }

    /** {@code LATE_LEAD}: leads entered past their call's backing window, per operator and lead day. */
    static List<Anomaly> lateLeads(Connection c, ReportQuery q, Map<String, String> extensions) throws SQLException {
        ReportQuery.Where where = q.where("l");
        Map<List<Object>, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.operator, l.work_day, l.id, l.created_at, c.id,"
                + " COALESCE(c.ended_at, c.started_at) FROM reporting_lead l JOIN reporting_call c ON c.id = l.resolved_call_id"
                + " WHERE l.late AND " + where.sql() + " ORDER BY l.work_day, l.operator, l.id")) {
            RollupStore.bind(s, where.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant entered = rs.getTimestamp(4).toInstant();
                    Instant ended = rs.getTimestamp(6).toInstant();
                    byDay.computeIfAbsent(List.of(rs.getString(1), rs.getDate(2).toLocalDate()), k -> new ArrayList<>())
                            .add(AnomalyRules.evidence("leadId", rs.getLong(3), "callId", rs.getLong(5), "callEndedAt",
                                    ended, "createdAt", entered, "hoursAfterCall",
                                    Counts.round(Duration.between(ended, entered).toMinutes() / 60.0, 1)));
                }
            }
        }
        List<Anomaly> found = new ArrayList<>();
        byDay.forEach((key, leads) -> {
            String operator = (String) key.get(0);
            found.add(new Anomaly(Anomaly.Type.LATE_LEAD, operator, extensions.get(operator), (LocalDate) key.get(1),
                    leads.size() + (leads.size() == 1 ? " lead was" : " leads were") + " entered long after the call cited ("
                            + leads.get(0).get("hoursAfterCall") + " h after it ended"
                            + (leads.size() > 1 ? ", and more" : "") + ")",
                    AnomalyRules.evidence("leadIds", leads.stream().map(l -> l.get("leadId")).toList(), "leads", leads)));
        });
        return found;
    }

    /** {@code RECORDING_REPLACED}: a call whose recording a person attached or replaced, on the call's day. */
    static List<Anomaly> replacedRecordings(Connection c, ReportQuery q, Map<String, String> extensions)
            throws SQLException {
        Map<Long, List<Map<String, Object>>> changes = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT subject_id, at, by_user, kind, before_value, after_value,"
                + " reason FROM core_tamper WHERE kind IN ('RECORDING_REPLACED', 'RECORDING_ATTACHED') AND subject IN ('call', 'recording')"
                + " ORDER BY at, id")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long callId;
                    try {
                        callId = Long.parseLong(rs.getString(1));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    changes.computeIfAbsent(callId, k -> new ArrayList<>()).add(AnomalyRules.evidence("at",
                            rs.getTimestamp(2).toInstant(), "by", rs.getString(3), "kind", rs.getString(4), "before",
                            rs.getString(5), "after", rs.getString(6), "reason", rs.getString(7)));
                }
            }
        }
        List<Anomaly> found = new ArrayList<>();
        if (changes.isEmpty()) {
            return found;
        }
        ReportQuery.Where where = q.where("c");
        List<Long> ids = new ArrayList<>(changes.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new ArrayList<>(where.params());
            params.addAll(part);
            try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.operator, c.work_day FROM reporting_call c WHERE "
                    + where.sql() + " AND c.operator IS NOT NULL AND c.id IN (" + RollupStore.marks(part.size()) + ")")) {
                RollupStore.bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long callId = rs.getLong(1);
                        List<Map<String, Object>> history = changes.get(callId);
                        Map<String, Object> last = history.get(history.size() - 1);
                        String operator = rs.getString(2);
                        found.add(new Anomaly(Anomaly.Type.RECORDING_REPLACED, operator, extensions.get(operator),
                                rs.getDate(3).toLocalDate(), "The recording of call " + callId + " was "
                                        + ("RECORDING_ATTACHED".equals(last.get("kind")) ? "attached" : "replaced") + " by "
                                        + last.get("by") + (history.size() > 1 ? " (" + history.size() + " changes)" : ""),
                                AnomalyRules.evidence("callId", callId, "changes", history)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * {@code OUTCOME_WITHOUT_CALL}: outcomes an operator recorded on a call the PBX never delivered, although the PBX's
     * records already reach past the join window after it (so the record is not merely still to come).
     */
    static List<Anomaly> outcomesWithoutCalls(Connection c, ReportQuery q, Map<String, String> extensions)
            throws SQLException {
        Instant pbxReach = null;
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(started_at) FROM reporting_call WHERE source IN ('PBX', 'JOINED')");
                ResultSet rs = s.executeQuery()) {
            if (rs.next() && rs.getTimestamp(1) != null) {
                pbxReach = rs.getTimestamp(1).toInstant();
            }
        }
        List<Anomaly> found = new ArrayList<>();
        if (pbxReach == null) {
            return found;
        }
        Instant reach = pbxReach;
        ReportQuery.Where where = q.where("c");
        List<Object> params = new ArrayList<>(where.params());
        params.add(Timestamp.from(reach.minus(JOIN_WINDOW)));
        Map<List<Object>, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.operator, c.work_day, c.id, c.outcome, c.started_at, c.number"
                + " FROM reporting_call c WHERE " + where.sql() + " AND c.source = 'OPERATOR' AND c.outcome IS NOT NULL"
                + " AND c.operator IS NOT NULL AND c.started_at < ? ORDER BY c.work_day, c.operator, c.id")) {
            RollupStore.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byDay.computeIfAbsent(List.of(rs.getString(1), rs.getDate(2).toLocalDate()), k -> new ArrayList<>())
                            .add(AnomalyRules.evidence("callId", rs.getLong(3), "outcome", rs.getString(4), "loggedAt",
                                    rs.getTimestamp(5).toInstant(), "number", rs.getString(6)));
                }
            }
        }
        byDay.forEach((key, calls) -> {
            String operator = (String) key.get(0);
            found.add(new Anomaly(Anomaly.Type.OUTCOME_WITHOUT_CALL, operator, extensions.get(operator),
                    (LocalDate) key.get(1), calls.size() + (calls.size() == 1 ? " outcome was" : " outcomes were")
                            + " recorded for calls the PBX never delivered (no record within "
                            + JOIN_WINDOW.toMinutes() + " minutes)",
                    AnomalyRules.evidence("callIds", calls.stream().map(x -> x.get("callId")).toList(), "calls", calls,
                            "pbxRecordsUntil", reach)));
        });
        return found;
    }
}
