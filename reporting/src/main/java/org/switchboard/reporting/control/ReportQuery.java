package org.switchboard.reporting.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report is asked for: a period of call-centre days and optional narrowing. {@code minTalkSeconds} and
 * {@code longCallSeconds}, when given, replace the thresholds of settings and campaigns for this one answer.
 */
public record ReportQuery(LocalDate from, LocalDate to, String operator, String team, String campaign, Long clientId,
        Integer minTalkSeconds, Integer longCallSeconds) {

    /** Narrowed to some of the work (a campaign or a client) rather than to people. */
    public boolean narrowedToWork() {
        return campaign != null || clientId != null;
    }

    /** Thresholds other than those in force: counted from the copies of the calls, not from the rollups. */
    public boolean adHocThresholds() {
        return minTalkSeconds != null || longCallSeconds != null;
    }

    public ReportQuery from(LocalDate newFrom) {
        return new ReportQuery(newFrom, to, operator, team, campaign, clientId, minTalkSeconds, longCallSeconds);
    }

    /** A SQL condition with its parameters. */
    public record Where(String sql, List<Object> params) {
    }

    /** The condition on a table with {@code work_day}, {@code operator}, {@code campaign_code}, {@code client_id}. */
    public Where where(String alias) {
        StringBuilder sql = new StringBuilder(alias + ".work_day BETWEEN ? AND ?");
        List<Object> params = new ArrayList<>(List.of(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
        if (operator != null) {
            sql.append(" AND ").append(alias).append(".operator = ?");
            params.add(operator);
        }
        if (team != null) {
            sql.append(" AND ").append(alias).append(".operator IN (SELECT u.username FROM core_user u WHERE u.team = ?)");
            params.add(team);
        }
        if (campaign != null) {
            sql.append(" AND ").append(alias).append(".campaign_code = ?");
            params.add(campaign);
        }
        if (clientId != null) {
            sql.append(" AND ").append(alias).append(".client_id = ?");
            params.add(clientId);
        }
        return new Where(sql.toString(), params);
    }

    /** The minimum talk time as SQL over a call {@code c} joined to its campaign {@code k} and settings {@code s}. */
    public String minTalkSql() {
        return minTalkSeconds != null ? Integer.toString(minTalkSeconds) : RollupStore.CAMPAIGN_MIN;
    }

    public String longCallSql() {
        return longCallSeconds != null ? Integer.toString(longCallSeconds) : RollupStore.CAMPAIGN_LONG;
    }
}
