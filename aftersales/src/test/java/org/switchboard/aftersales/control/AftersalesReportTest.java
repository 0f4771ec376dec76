package org.switchboard.aftersales.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.aftersales.control.AftersalesReport.Figures;
import org.switchboard.aftersales.control.AftersalesReport.Row;

class AftersalesReportTest {

    static Figures tally(int maxAttempts, Row... rows) {
        return AftersalesReport.tally(1L, "Birthday", "BIRTHDAY", "AS", List.of(rows), maxAttempts);
    }

    @Test
    void reachedCountsEveryAnsweredTask() {
        Figures f = tally(5, new Row(1, "REACHED", 1, 4, 0), new Row(1, "ACCEPTED", 2, 3, 2),
                new Row(1, "DECLINED", 1, 2, 0));
        assertThat(f.tasks()).isEqualTo(9);
        assertThat(f.reached()).isEqualTo(9);
        assertThat(f.accepted()).isEqualTo(3);
        assertThat(f.declined()).isEqualTo(2);
        assertThat(f.offersRedeemed()).isEqualTo(2);
        assertThat(f.notReached()).isZero();
        assertThat(f.open()).isZero();
    }

    @Test
    void anOpenTaskIsNotReachedOnceItsEntryUsedEveryAttempt() {
        Figures f = tally(3, new Row(1, "OPEN", 0, 5, 0), new Row(1, "OPEN", 2, 4, 0), new Row(1, "OPEN", 3, 2, 0),
                new Row(1, "OPEN", 4, 1, 0), new Row(1, "NOT_REACHED", 1, 6, 0));
        assertThat(f.open()).isEqualTo(9);
        assertThat(f.notReached()).isEqualTo(2 + 1 + 6);
        assertThat(f.reached()).isZero();
        assertThat(f.tasks()).isEqualTo(18);
    }

    @Test
    void theCampaignsAttemptLimitDecides() {
        Row threeTries = new Row(1, "OPEN", 3, 1, 0);
        assertThat(tally(3, threeTries).notReached()).isEqualTo(1);
        assertThat(tally(5, threeTries).notReached()).isZero();
        assertThat(tally(5, threeTries).open()).isEqualTo(1);
    }

    @Test
    void everyTaskLandsInExactlyOneBucket() {
        Figures f = tally(2, new Row(1, "OPEN", 1, 3, 0), new Row(1, "OPEN", 2, 1, 0), new Row(1, "REACHED", 1, 2, 0),
                new Row(1, "CLOSED", 0, 4, 1), new Row(1, "NOT_REACHED", 2, 1, 0));
        assertThat(f.reached() + f.notReached() + f.open() + f.closed()).isEqualTo(f.tasks()).isEqualTo(11);
        assertThat(f.closed()).isEqualTo(4);
    }

    @Test
    void totalsAddTheRulesUp() {
        Figures a = tally(5, new Row(1, "ACCEPTED", 1, 2, 1), new Row(1, "OPEN", 5, 1, 0));
        Figures b = AftersalesReport.tally(2L, "New Year", "HOLIDAY", "AS", List.of(new Row(2, "DECLINED", 1, 3, 0),
                new Row(2, "OPEN", 1, 4, 0)), 5);
        Figures totals = AftersalesReport.totals(List.of(a, b));
        assertThat(totals.ruleId()).isNull();
        assertThat(totals.tasks()).isEqualTo(10);
        assertThat(totals.reached()).isEqualTo(5);
        assertThat(totals.accepted()).isEqualTo(2);
        assertThat(totals.declined()).isEqualTo(3);
        assertThat(totals.notReached()).isEqualTo(1);
        assertThat(totals.open()).isEqualTo(4);
        assertThat(totals.offersRedeemed()).isEqualTo(1);
    }

    @Test
    void aRuleWithoutTasksHasZeros() {
        Figures f = tally(5);
        assertThat(f).extracting(Figures::tasks, Figures::reached, Figures::notReached, Figures::open)
                .containsExactly(0L, 0L, 0L, 0L);
    }
}
