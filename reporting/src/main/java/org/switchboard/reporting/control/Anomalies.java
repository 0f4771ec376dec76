package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.settings.control.ThresholdTimeline;
import org.switchboard.core.settings.entity.Settings;

/** Finds the anomalies of a period: the rules over the rollups, with the evidence a supervisor follows up. */
@ApplicationScoped
public class Anomalies {

    @Resource
    DataSource dataSource;

    @Inject
    CallCentre callCentre;

    public List<Anomaly> find(ReportQuery q) {
        Settings.Thresholds thresholds = callCentre.settings().thresholds();
        LocalDate today = LocalDate.now(callCentre.zone());
        try (Connection c = dataSource.getConnection()) {
            return find(c, q, thresholds, today);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the anomalies failed: " + e.getMessage(), e);
        }
    }

    /**
     * The anomalies of a period. {@code t} gives the look-back window and the repeat-dial floor to read with; each day is
     * judged with the thresholds in force on it.
     */
    public static List<Anomaly> find(Connection c, ReportQuery q, Settings.Thresholds t, LocalDate today)
            throws SQLException {
        ThresholdTimeline timeline = ThresholdTimeline.load(c);
        int window = Math.max(t.leadSpikeWindowDays(), timeline.versions().stream()
                .map(ThresholdTimeline.Version::leadSpikeWindowDays).filter(java.util.Objects::nonNull)
                .max(Integer::compare).orElse(t.leadSpikeWindowDays()));
        List<OperatorDays.Figures> rows = OperatorDays.rows(c, q.from(q.from().minusDays(window)));
        int dialFloor = timeline.versions().stream().map(ThresholdTimeline.Version::repeatDialsMax)
                .filter(java.util.Objects::nonNull).min(Integer::compare).orElse(t.repeatDialsMax());
        List<Anomaly> found = new ArrayList<>(new AnomalyRules(day -> timeline.centre(day).thresholds())
                .detect(rows, q.from(), q.to(), today, repeatDials(c, q, Math.min(dialFloor, t.repeatDialsMax()))));
        for (Anomaly anomaly : found) {
            if (anomaly.type() == Anomaly.Type.UNBACKED_LEADS) {
                anomaly.evidence().put("leadIds", unbackedLeads(c, q, anomaly.operator(), anomaly.date()));
            }
        }
        Map<String, String> extensions = new HashMap<>();
        OperatorDays.people(c).forEach((user, person) -> extensions.put(user, person.extension()));
        found.addAll(EvidenceAnomalies.sharedCalls(c, q, extensions));
        found.addAll(EvidenceAnomalies.lateLeads(c, q, extensions));
        found.addAll(EvidenceAnomalies.replacedRecordings(c, q, extensions));
        found.addAll(EvidenceAnomalies.outcomesWithoutCalls(c, q, extensions));
        found.sort(java.util.Comparator.comparing(Anomaly::date)
                .thenComparing(a -> a.operator() == null ? "" : a.operator())
                .thenComparing(Anomaly::type));
        return found;
    }

    /**
     * Numbers an operator dialled more than {@code max} times a day; narrowed to a campaign or client, only numbers
     * the operator dialled in that work that day.
     */
    private static List<AnomalyRules.RepeatDial> repeatDials(Connection c, ReportQuery q, int max) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT d.operator, d.work_day, d.number, d.dials FROM reporting_dials d"
                + " WHERE d.work_day BETWEEN ? AND ? AND d.dials > ?");
        List<Object> params = new ArrayList<>(List.of(java.sql.Date.valueOf(q.from()), java.sql.Date.valueOf(q.to()), max));
        if (q.operator() != null) {
            sql.append(" AND d.operator = ?");
            params.add(q.operator());
        }
        if (q.team() != null) {
            sql.append(" AND d.operator IN (SELECT u.username FROM core_user u WHERE u.team = ?)");
            params.add(q.team());
        }
        if (q.narrowedToWork()) {
            sql.append(" AND EXISTS (SELECT 1 FROM reporting_call c WHERE c.operator = d.operator AND c.work_day = d.work_day"
                    + " AND c.number = d.number AND c.direction = 'OUT'");
            if (q.campaign() != null) {
                sql.append(" AND c.campaign_code = ?");
                params.add(q.campaign());
            }
            if (q.clientId() != null) {
                sql.append(" AND c.client_id = ?");
                params.add(q.clientId());
            }
            sql.append(")");
        }
        List<AnomalyRules.RepeatDial> dials = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            RollupStore.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dials.add(new AnomalyRules.RepeatDial(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                            rs.getLong(4)));
                }
            }
        }
        return dials;
    }

    private static List<Long> unbackedLeads(Connection c, ReportQuery q, String operator, LocalDate day)
            throws SQLException {
        ReportQuery day1 = new ReportQuery(day, day, operator, null, q.campaign(), q.clientId(), q.minTalkSeconds(),
                q.longCallSeconds());
        ReportQuery.Where where = day1.where("l");
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.id FROM reporting_lead l"
                + " WHERE " + where.sql() + " AND NOT " + RollupStore.backed(day1.minTalkSql())
                + " ORDER BY l.id")) {
            RollupStore.bind(s, where.params());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
