package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.switchboard.core.api.Page;

/** The calls behind a figure of the report, so a supervisor goes from a number to the recordings. */
@ApplicationScoped
public class CallsBehind {

    /** Which figure: every call, the answered, counted, short or long ones. */
    public enum Kind {
        ALL, ANSWERED, COUNTED, SHORT, LONG;

        public static Kind named(String name) {
            try {
                return name == null || name.isBlank() ? ALL : valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String sql(String min, String longCall) {
            String answered = "c.answered AND c.talk_seconds > 0";
            return switch (this) {
                case ALL -> "1 = 1";
                case ANSWERED -> answered;
                case COUNTED -> answered + " AND c.talk_seconds >= " + min;
                case SHORT -> answered + " AND c.talk_seconds < " + min;
                case LONG -> "c.talk_seconds >= " + longCall;
            };
        }
    }

    /** A call as the report counts it, with its effective thresholds' verdicts. */
    public record CallRow(long callId, String operator, String extension, LocalDate date, Instant startedAt,
            String direction, String number, String campaign, boolean answered, int talkSeconds, boolean counted,
            boolean shortCall, boolean longCall, boolean recorded, String outcome) {
    }

    @Resource
    DataSource dataSource;

    public Page<CallRow> list(ReportQuery q, Kind kind, int page, int size) {
        String min = q.minTalkSql();
        String longCall = q.longCallSql();
        ReportQuery.Where where = q.where("c");
        String from = " FROM reporting_call c LEFT JOIN core_campaign k ON k.code = c.campaign_code"
                + " CROSS JOIN core_settings s WHERE s.id = 1 AND c.operator IS NOT NULL AND " + where.sql() + " AND "
                + kind.sql(min, longCall);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + from)) {
                RollupStore.bind(s, where.params());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CallRow> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.operator, c.extension, c.work_day, c.started_at,"
                    + " c.direction, c.number, c.campaign_code, c.answered, c.talk_seconds, c.recorded, c.outcome, "
                    + min + ", " + longCall + from + " ORDER BY c.started_at, c.id OFFSET " + ((long) page * size)
                    + " ROWS FETCH NEXT " + size + " ROWS ONLY")) {
                RollupStore.bind(s, where.params());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean answered = rs.getBoolean(9) && rs.getInt(10) > 0;
                        int talk = rs.getInt(10);
                        rows.add(new CallRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8),
                                answered, talk, answered && talk >= rs.getInt(13), answered && talk < rs.getInt(13),
                                talk >= rs.getInt(14), rs.getBoolean(11), rs.getString(12)));
                    }
                }
            }
            return new Page<>(rows, total, page, size);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the calls failed: " + e.getMessage(), e);
        }
    }
}
