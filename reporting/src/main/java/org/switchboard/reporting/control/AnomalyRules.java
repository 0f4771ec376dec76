package org.switchboard.reporting.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.core.settings.entity.Settings;

/**
 * DOMAIN.md's anomaly rules over operator-day figures, as plain logic. Every threshold is the one in force on the day
 * judged (a change never rewrites the past).
 */
public final class AnomalyRules {

    /** An operator who dialled one number more often than allowed on a day. */
    public record RepeatDial(String operator, LocalDate day, String number, long dials) {
    }

    private final java.util.function.Function<LocalDate, Settings.Thresholds> inForce;
    private Settings.Thresholds t;

    public AnomalyRules(Settings.Thresholds thresholds) {
        this(day -> thresholds);
    }

    /** @param inForce the thresholds in force on a day */
    public AnomalyRules(java.util.function.Function<LocalDate, Settings.Thresholds> inForce) {
        this.inForce = inForce;
    }

    /**
     * @param rows  operator-days from {@code from} minus the lead-spike window up to {@code to}
     * @param today the current call-centre day: a plan is missed only once its day is over
     */
    public List<Anomaly> detect(List<OperatorDays.Figures> rows, LocalDate from, LocalDate to, LocalDate today,
            List<RepeatDial> dials) {
        List<Anomaly> found = new ArrayList<>();
        Map<String, Map<LocalDate, Long>> leadsByOperator = new HashMap<>();
        Map<LocalDate, Long> centreLeads = new TreeMap<>();
        Map<String, String> extensions = new HashMap<>();
        Map<String, java.util.Set<LocalDate>> workedByOperator = new HashMap<>();
        java.util.Set<LocalDate> centreWorked = new java.util.TreeSet<>();
        for (OperatorDays.Figures row : rows) {
            leadsByOperator.computeIfAbsent(row.operator(), o -> new HashMap<>()).merge(row.date(), row.counts().leads(), Long::sum);
            centreLeads.merge(row.date(), row.counts().leads(), Long::sum);
            if (row.counts().calls() > 0) {
                workedByOperator.computeIfAbsent(row.operator(), o -> new java.util.TreeSet<>()).add(row.date());
                centreWorked.add(row.date());
            }
            if (row.extension() != null) {
                extensions.put(row.operator(), row.extension());
            }
        }
        for (OperatorDays.Figures row : rows) {
            if (row.date().isBefore(from) || row.date().isAfter(to)) {
                continue;
            }
            Counts n = row.counts();
            t = inForce.apply(row.date());
            leadSpike(row.operator(), row.extension(), row.date(), leadsByOperator.get(row.operator()),
                    workedByOperator.getOrDefault(row.operator(), java.util.Set.of())).ifPresent(found::add);
            if (n.unbackedLeads() > 0) {
                found.add(new Anomaly(Anomaly.Type.UNBACKED_LEADS, row.operator(), row.extension(), row.date(),
                        n.unbackedLeads() + " of " + n.leads() + " leads are not backed by a counted PBX call of the operator",
                        evidence("leads", n.leads(), "unbacked", n.unbackedLeads())));
            }
            if (n.leads() > 0 && n.counted() == 0) {
                found.add(new Anomaly(Anomaly.Type.LEADS_WITHOUT_CALLS, row.operator(), row.extension(), row.date(),
                        n.leads() + " leads on a day without a single counted call (" + n.calls() + " calls in all)",
                        evidence("leads", n.leads(), "calls", n.calls(), "counted", n.counted())));
            }
            if (n.answered() >= t.shortCallsMinAnswered() && n.shortCalls() * 100 >= (long) t.shortCallsPercent() * n.answered()) {
                found.add(new Anomaly(Anomaly.Type.SHORT_CALLS, row.operator(), row.extension(), row.date(),
                        n.shortCalls() + " of " + n.answered() + " answered calls are short ("
                                + percent(n.shortCalls(), n.answered()) + " %)",
                        evidence("answered", n.answered(), "short", n.shortCalls(), "shortPercent",
                                percent(n.shortCalls(), n.answered()), "minAnswered", t.shortCallsMinAnswered(),
                                "thresholdPercent", t.shortCallsPercent())));
            }
            if (n.longCalls() >= t.longCallsMinCount()) {
                found.add(new Anomaly(Anomaly.Type.LONG_CALLS, row.operator(), row.extension(), row.date(),
                        n.longCalls() + " long calls", evidence("long", n.longCalls(), "minCount", t.longCallsMinCount())));
            }
            if (row.planCalls() > 0 && row.date().isBefore(today)
                    && n.counted() * 100 < (long) t.planMissPercent() * row.planCalls()) {
                found.add(new Anomaly(Anomaly.Type.PLAN_MISS, row.operator(), row.extension(), row.date(),
                        n.counted() + " counted calls against a plan of " + row.planCalls() + " (" + row.planPercent() + " %)",
                        evidence("counted", n.counted(), "planCalls", row.planCalls(), "planPercent", row.planPercent(),
                                "thresholdPercent", t.planMissPercent())));
            }
        }
        Map<List<Object>, List<RepeatDial>> repeats = new LinkedHashMap<>();
        for (RepeatDial dial : dials) {
            t = inForce.apply(dial.day());
            if (dial.dials() > t.repeatDialsMax() && !dial.day().isBefore(from) && !dial.day().isAfter(to)) {
                repeats.computeIfAbsent(List.of(dial.operator(), dial.day()), k -> new ArrayList<>()).add(dial);
            }
        }
        repeats.forEach((key, list) -> {
            list.sort(Comparator.comparingLong(RepeatDial::dials).reversed().thenComparing(RepeatDial::number));
            RepeatDial top = list.get(0);
            List<Map<String, Object>> numbers = list.stream()
                    .map(d -> evidence("number", d.number(), "dials", d.dials())).toList();
            found.add(new Anomaly(Anomaly.Type.REPEAT_DIALS, top.operator(), extensions.get(top.operator()), top.day(),
                    top.number() + " dialled " + top.dials() + " times" + (list.size() > 1 ? " (and " + (list.size() - 1)
                            + " more numbers)" : ""), evidence("numbers", numbers, "maxDials",
                                    inForce.apply(top.day()).repeatDialsMax())));
        });
        for (LocalDate day : centreLeads.keySet()) {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                t = inForce.apply(day);
                leadSpike(null, null, day, centreLeads, centreWorked).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Anomaly::date)
                .thenComparing(a -> a.operator() == null ? "" : a.operator())
                .thenComparing(Anomaly::type));
        return found;
    }

    /** Working days (days with calls) a look-back window needs before a spike can be judged: no baseline, no spike. */
    public static final int MIN_BASELINE_DAYS = 5;

    /**
     * At least the minimum of leads and at least factor × the mean of the window before (missing days count 0), and at
     * least {@value #MIN_BASELINE_DAYS} working days in that window.
     */
    java.util.Optional<Anomaly> leadSpike(String operator, String extension, LocalDate day, Map<LocalDate, Long> leads,
            java.util.Set<LocalDate> worked) {
        long today = leads.getOrDefault(day, 0L);
        if (today < t.leadSpikeMinLeads()) {
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> before = new ArrayList<>();
        long sum = 0;
        int workingDays = 0;
        for (int i = t.leadSpikeWindowDays(); i >= 1; i--) {
            LocalDate d = day.minusDays(i);
            long n = leads.getOrDefault(d, 0L);
            sum += n;
            workingDays += worked.contains(d) ? 1 : 0;
            before.add(evidence("date", d, "leads", n, "worked", worked.contains(d)));
        }
        if (workingDays < Math.min(MIN_BASELINE_DAYS, t.leadSpikeWindowDays())) {
            return java.util.Optional.empty();
        }
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(t.leadSpikeWindowDays()), 4, RoundingMode.HALF_UP);
        if (BigDecimal.valueOf(today).compareTo(mean.multiply(t.leadSpikeFactor())) < 0) {
            return java.util.Optional.empty();
        }
        String who = operator == null ? "The centre made " : "";
        return java.util.Optional.of(new Anomaly(Anomaly.Type.LEAD_SPIKE, operator, extension, day,
                who + today + " leads against a mean of " + mean.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString() + " a day over the " + t.leadSpikeWindowDays() + " days before",
                evidence("scope", operator == null ? "centre" : "operator", "leads", today, "previousDays", before,
                        "workingDays", workingDays, "minWorkingDays", MIN_BASELINE_DAYS,
                        "mean", mean.setScale(2, RoundingMode.HALF_UP), "factor", t.leadSpikeFactor(),
                        "minLeads", t.leadSpikeMinLeads())));
    }

    private static double percent(long part, long whole) {
        return Counts.round(100.0 * part / whole, 1);
    }

    static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
