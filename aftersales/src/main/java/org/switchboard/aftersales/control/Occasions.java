package org.switchboard.aftersales.control;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Rule;

/**
 * Which occasion a rule calls about when generating for day D (the call day): a birthday on D + daysBefore, a
 * holiday or an event daysBefore ahead, a deal won on D − daysAfter. Plain date arithmetic, month and year ends
 * included; a 29 February birthday is kept on 28 February in other years.
 */
public final class Occasions {

    private Occasions() {
    }

    /** The birthdays (month and day) whose celebration falls on the rule's occasion day for call day D. */
    public static Set<MonthDay> birthdays(Rule rule, LocalDate callDay) {
        LocalDate occasion = callDay.plusDays(rule.getDaysBefore());
        Set<MonthDay> days = new LinkedHashSet<>();
        days.add(MonthDay.from(occasion));
        if (!occasion.isLeapYear() && occasion.getMonthValue() == 2 && occasion.getDayOfMonth() == 28) {
            days.add(MonthDay.of(2, 29));
        }
        return days;
    }

    /** The day a birthday is celebrated in the occasion's year. */
    public static LocalDate birthdayIn(LocalDate birthday, int year) {
        return MonthDay.from(birthday).atYear(year);
    }

    public static LocalDate birthdayOccasion(Rule rule, LocalDate callDay) {
        return callDay.plusDays(rule.getDaysBefore());
    }

    /** The holiday this rule calls about on call day D, if D is its day. */
    public static Optional<LocalDate> holiday(Rule rule, LocalDate callDay) {
        return rule.getHolidayDate() != null && callDay.plusDays(rule.getDaysBefore()).equals(rule.getHolidayDate())
                ? Optional.of(rule.getHolidayDate()) : Optional.empty();
    }

    /** The event this rule invites to on call day D: its day, daysBefore ahead, and no later than the deadline. */
    public static Optional<LocalDate> event(Rule rule, Event event, LocalDate callDay) {
        return callDay.plusDays(rule.getDaysBefore()).equals(event.getDate()) && !callDay.isAfter(event.lastInvitationDay())
                ? Optional.of(event.getDate()) : Optional.empty();
    }

    /** The day whose won deals a follow-up rule calls about on call day D. */
    public static LocalDate wonOn(Rule rule, LocalDate callDay) {
        return callDay.minusDays(rule.getDaysAfter());
    }
}
