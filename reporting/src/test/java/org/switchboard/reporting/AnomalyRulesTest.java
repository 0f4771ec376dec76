package org.switchboard.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.AnomalyRules;
import org.switchboard.reporting.control.Counts;
import org.switchboard.reporting.control.OperatorDays;

class AnomalyRulesTest {

    static final Settings.Thresholds DEFAULTS = new Settings.Thresholds(20, 1200, 5, new BigDecimal("3.00"), 7, 20, 40,
            3, 5, 80);
    static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static OperatorDays.Figures day(LocalDate date, long leads) {
        return new OperatorDays.Figures(date, "ivanov", "101", null, new Counts(10, 10, 10, 0, 0, 600, leads, 0), 0, 0);
    }

    private static List<Anomaly.Type> types(List<OperatorDays.Figures> rows, List<AnomalyRules.RepeatDial> dials) {
        return new AnomalyRules(DEFAULTS).detect(rows, DAY, DAY, TODAY, dials).stream()
                .filter(a -> a.operator() != null).map(Anomaly::type).toList();
    }

    @Test
    void aLeadSpikeNeedsTheMinimumAndThreeTimesTheMeanOfTheWeekBefore() {
        List<OperatorDays.Figures> rows = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            rows.add(day(DAY.minusDays(d), d <= 2 ? 2 : 1)); // 9 leads over 7 days: a mean of 1.29
        }
        List<OperatorDays.Figures> spike = new ArrayList<>(rows);
        spike.add(day(DAY, 4)); // 4 ≥ 3 × 1.29 but under the minimum of 5
        assertThat(types(spike, List.of())).isEmpty();
        spike.set(7, day(DAY, 5)); // 5 ≥ 3.86
        assertThat(types(spike, List.of())).containsExactly(Anomaly.Type.LEAD_SPIKE);
        rows.set(0, day(DAY.minusDays(1), 5)); // 12 leads: a mean of 1.71, × 3 = 5.14 > 5
        rows.add(day(DAY, 5));
        assertThat(types(rows, List.of())).isEmpty();
        // no baseline, no spike: a week without calls (the first days of an installation), then 5
        assertThat(types(List.of(day(DAY, 5)), List.of())).isEmpty();
        // four working days in the week are not a baseline; five are, and a working day without leads counts as 0
        List<OperatorDays.Figures> quiet = new ArrayList<>();
        for (int d = 1; d <= 4; d++) {
            quiet.add(day(DAY.minusDays(d), 0));
        }
        quiet.add(day(DAY, 5));
        assertThat(types(quiet, List.of())).isEmpty();
        quiet.add(day(DAY.minusDays(6), 0));
        assertThat(types(quiet, List.of())).containsExactly(Anomaly.Type.LEAD_SPIKE);
    }

    @Test
    void leadsOnADayWithoutACountedCall() {
        Counts noCounted = new Counts(4, 3, 0, 3, 0, 45, 2, 2);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, noCounted, 0, 0)), List.of()))
                .containsExactlyInAnyOrder(Anomaly.Type.UNBACKED_LEADS, Anomaly.Type.LEADS_WITHOUT_CALLS);
        Counts oneCounted = new Counts(4, 3, 1, 2, 0, 65, 2, 1);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, oneCounted, 0, 0)), List.of()))
                .containsExactly(Anomaly.Type.UNBACKED_LEADS);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, new Counts(4, 3, 0, 3, 0, 45, 0, 0), 0,
                0)), List.of())).isEmpty();
    }

    @Test
    void shortLongPlanAndRepeatRulesAtTheirBoundaries() {
        Counts shortAt40 = new Counts(20, 20, 12, 8, 0, 600, 0, 0);
        Counts shortAt35 = new Counts(20, 20, 13, 7, 0, 600, 0, 0);
        Counts few = new Counts(19, 19, 0, 19, 0, 300, 0, 0);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, shortAt40, 0, 0)), List.of()))
                .containsExactly(Anomaly.Type.SHORT_CALLS);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, shortAt35, 0, 0)), List.of())).isEmpty();
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, few, 0, 0)), List.of())).isEmpty();

        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, new Counts(3, 3, 3, 0, 3, 3600, 0, 0), 0, 0)),
                List.of())).containsExactly(Anomaly.Type.LONG_CALLS);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, new Counts(2, 2, 2, 0, 2, 2400, 0, 0), 0, 0)),
                List.of())).isEmpty();

        Counts seven = new Counts(7, 7, 7, 0, 0, 420, 0, 0);
        Counts eight = new Counts(8, 8, 8, 0, 0, 480, 0, 0);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, seven, 10, 0)), List.of()))
                .containsExactly(Anomaly.Type.PLAN_MISS);
        assertThat(types(List.of(new OperatorDays.Figures(DAY, "a", null, null, eight, 10, 0)), List.of())).isEmpty();
        // today is not over: its plan is not missed yet
        assertThat(new AnomalyRules(DEFAULTS).detect(List.of(new OperatorDays.Figures(DAY, "a", null, null, seven, 10, 0)),
                DAY, DAY, DAY, List.of())).isEmpty();

        assertThat(types(List.of(), List.of(new AnomalyRules.RepeatDial("a", DAY, "+79210000001", 6))))
                .containsExactly(Anomaly.Type.REPEAT_DIALS);
        assertThat(types(List.of(), List.of(new AnomalyRules.RepeatDial("a", DAY, "+79210000001", 5)))).isEmpty();
    }

    @Test
    void figuresFollowTheDefinitions() {
        Counts n = new Counts(7, 5, 4, 1, 1, 2468, 2, 1);
        assertThat(n.avgTalkSeconds()).isEqualTo(493.6);
        assertThat(n.conversion()).isEqualTo(0.5);
        assertThat(Counts.ZERO.conversion()).isNull();
        assertThat(Counts.ZERO.avgTalkSeconds()).isZero();
        assertThat(Counts.planPercent(4, 0)).isNull();
        assertThat(Counts.planPercent(2, 3)).isEqualTo(66.7);
    }
}
