package org.switchboard.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.switchboard.aftersales.control.GenerationClock;
import org.switchboard.aftersales.control.Occasions;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Rule;

class OccasionsTest {

    private static Rule rule(Rule.Type type, int before, int after) {
        Rule rule = new Rule(type);
        rule.describe("r", "AS", before, after, type == Rule.Type.HOLIDAY ? LocalDate.of(2027, 1, 1) : null, null, null,
                null, null, null, null, null, false, true);
        return rule;
    }

    @Test
    void birthdaysAcrossMonthAndYearEnds() {
        assertThat(Occasions.birthdays(rule(Rule.Type.BIRTHDAY, 3, 0), LocalDate.of(2026, 12, 30)))
                .containsExactly(MonthDay.of(1, 2));
        assertThat(Occasions.birthdays(rule(Rule.Type.BIRTHDAY, 1, 0), LocalDate.of(2026, 4, 30)))
                .containsExactly(MonthDay.of(5, 1));
        assertThat(Occasions.birthdayOccasion(rule(Rule.Type.BIRTHDAY, 3, 0), LocalDate.of(2026, 12, 30)))
                .isEqualTo(LocalDate.of(2027, 1, 2));
    }

    @Test
    void the29thOfFebruaryIsCelebratedOnThe28thInOtherYears() {
        assertThat(Occasions.birthdays(rule(Rule.Type.BIRTHDAY, 0, 0), LocalDate.of(2027, 2, 28)))
                .containsExactlyInAnyOrder(MonthDay.of(2, 28), MonthDay.of(2, 29));
        assertThat(Occasions.birthdays(rule(Rule.Type.BIRTHDAY, 0, 0), LocalDate.of(2028, 2, 28)))
                .containsExactly(MonthDay.of(2, 28));
        assertThat(Occasions.birthdays(rule(Rule.Type.BIRTHDAY, 0, 0), LocalDate.of(2028, 2, 29)))
                .containsExactly(MonthDay.of(2, 29));
        assertThat(Occasions.birthdayIn(LocalDate.of(2000, 2, 29), 2027)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void holidaysEventsAndFollowUps() {
        assertThat(Occasions.holiday(rule(Rule.Type.HOLIDAY, 2, 0), LocalDate.of(2026, 12, 30))).contains(LocalDate.of(2027, 1, 1));
        assertThat(Occasions.holiday(rule(Rule.Type.HOLIDAY, 2, 0), LocalDate.of(2026, 12, 31))).isEmpty();
        Event fair = new Event("Fair", LocalDate.of(2027, 3, 10), "Expoforum", LocalDate.of(2027, 3, 1), null);
        assertThat(Occasions.event(rule(Rule.Type.EVENT, 14, 0), fair, LocalDate.of(2027, 2, 24))).contains(LocalDate.of(2027, 3, 10));
        // after the invitation deadline no one is invited any more
        assertThat(Occasions.event(rule(Rule.Type.EVENT, 5, 0), fair, LocalDate.of(2027, 3, 5))).isEmpty();
        assertThat(Occasions.wonOn(rule(Rule.Type.FOLLOW_UP, 0, 7), LocalDate.of(2027, 1, 3))).isEqualTo(LocalDate.of(2026, 12, 27));
    }

    @Test
    void theTimerGeneratesTodayOnceFromItsHour() {
        java.time.LocalTime six = java.time.LocalTime.of(6, 0);
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(GenerationClock.due(six, null, today, java.time.LocalTime.of(5, 59))).isFalse();
        assertThat(GenerationClock.due(six, today.minusDays(1), today, six)).isTrue();
        assertThat(GenerationClock.due(six, today, today, java.time.LocalTime.of(9, 0))).isFalse();
    }
}
