package org.switchboard.reporting.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums of operator-days: per operator over the period, and for the whole centre. Plan fulfilment of a sum counts
 * only the days that had a plan: counted calls on planned days / planned calls.
 */
public final class Totals {

    /** One operator's (or the centre's, operator null) figures over a period. */
    public record Total(String operator, String extension, String team, int days, Counts counts, long planCalls,
            long planLeads, long countedOnPlannedDays) {

        public Double planPercent() {
            return Counts.planPercent(countedOnPlannedDays, planCalls);
        }

        Total plus(OperatorDays.Figures row) {
            return new Total(operator, extension, team, days + 1, counts.plus(row.counts()), planCalls + row.planCalls(),
                    planLeads + row.planLeads(), countedOnPlannedDays + (row.planCalls() > 0 ? row.counts().counted() : 0));
        }
    }

    /** The per-operator totals and the centre's. */
    public record Summary(List<Total> operators, Total centre) {
    }

    private Totals() {
    }

    public static Summary of(List<OperatorDays.Figures> rows) {
        Map<String, Total> byOperator = new TreeMap<>();
        Total centre = new Total(null, null, null, 0, Counts.ZERO, 0, 0, 0);
        Map<java.time.LocalDate, Boolean> days = new LinkedHashMap<>();
        for (OperatorDays.Figures row : rows) {
            byOperator.merge(row.operator(), new Total(row.operator(), row.extension(), row.team(), 0, Counts.ZERO, 0, 0, 0)
                    .plus(row), (a, b) -> a.plus(row));
            centre = centre.plus(row);
            days.put(row.date(), true);
        }
        centre = new Total(null, null, null, days.size(), centre.counts(), centre.planCalls(), centre.planLeads(),
                centre.countedOnPlannedDays());
        return new Summary(new ArrayList<>(byOperator.values()), centre);
    }
}
