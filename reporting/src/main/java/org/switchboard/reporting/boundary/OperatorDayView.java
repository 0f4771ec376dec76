package org.switchboard.reporting.boundary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.switchboard.reporting.control.Counts;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.Totals;

/**
 * One operator on one day, with every figure as DOMAIN.md defines it, and the thresholds it was counted with: those in
 * force on that day (the campaign's when the report is narrowed to one, else the centre's; calls of a campaign with
 * its own thresholds count by those), or the request's own.
 */
public record OperatorDayView(LocalDate date, String operator, String extension, String team, long calls,
        long answered, long counted, @JsonProperty("short") long shortCalls, @JsonProperty("long") long longCalls,
        long talkSeconds, double avgTalkSeconds, long leads, long unbackedLeads, int planCalls, int planLeads,
        Double planPercent, Double conversion, Integer minTalkSeconds, Integer longCallSeconds) {

    /** The spreadsheet columns, in the order {@link #cells()} gives them. */
    public static final List<String> COLUMNS = List.of("date", "operator", "extension", "team", "calls", "answered",
            "counted", "short", "long", "talkSeconds", "avgTalkSeconds", "leads", "unbackedLeads", "planCalls",
            "planLeads", "planPercent", "conversion");

    public static OperatorDayView of(OperatorDays.Figures f) {
        return of(f, null, null);
    }

    public static OperatorDayView of(OperatorDays.Figures f, Integer minTalkSeconds, Integer longCallSeconds) {
        Counts n = f.counts();
        return new OperatorDayView(f.date(), f.operator(), f.extension(), f.team(), n.calls(), n.answered(), n.counted(),
                n.shortCalls(), n.longCalls(), n.talkSeconds(), n.avgTalkSeconds(), n.leads(), n.unbackedLeads(),
                f.planCalls(), f.planLeads(), f.planPercent(), n.conversion(), minTalkSeconds, longCallSeconds);
    }

    public List<Object> cells() {
        return Arrays.asList(date, operator, extension, team, calls, answered, counted, shortCalls, longCalls, talkSeconds,
                avgTalkSeconds, leads, unbackedLeads, planCalls, planLeads, planPercent, conversion);
    }

    /** A sum of operator-days: one operator's over the period, or the centre's (operator null). */
    public record TotalView(String operator, String extension, String team, int days, long calls, long answered,
            long counted, @JsonProperty("short") long shortCalls, @JsonProperty("long") long longCalls,
            long talkSeconds, double avgTalkSeconds, long leads, long unbackedLeads, long planCalls, long planLeads,
            Double planPercent, Double conversion) {

        public static final List<String> COLUMNS = List.of("operator", "extension", "team", "days", "calls", "answered",
                "counted", "short", "long", "talkSeconds", "avgTalkSeconds", "leads", "unbackedLeads", "planCalls",
                "planLeads", "planPercent", "conversion");

        public static TotalView of(Totals.Total t) {
            Counts n = t.counts();
            return new TotalView(t.operator(), t.extension(), t.team(), t.days(), n.calls(), n.answered(), n.counted(),
                    n.shortCalls(), n.longCalls(), n.talkSeconds(), n.avgTalkSeconds(), n.leads(), n.unbackedLeads(),
                    t.planCalls(), t.planLeads(), t.planPercent(), n.conversion());
        }

        public List<Object> cells() {
            return new ArrayList<>(Arrays.asList(operator, extension, team, days, calls, answered, counted, shortCalls,
                    longCalls, talkSeconds, avgTalkSeconds, leads, unbackedLeads, planCalls, planLeads, planPercent,
                    conversion));
        }
    }

    /** The totals answer: per operator, and the centre's. */
    public record TotalsView(LocalDate from, LocalDate to, List<TotalView> operators, TotalView centre) {
    }
}
