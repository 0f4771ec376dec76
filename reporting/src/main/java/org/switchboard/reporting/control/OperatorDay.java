package org.switchboard.reporting.control;

import java.time.LocalDate;

/** An operator on a call-centre day: the key of every rollup. */
public record OperatorDay(String operator, LocalDate day) implements Comparable<OperatorDay> {

    @Override
    public int compareTo(OperatorDay other) {
        int byDay = day.compareTo(other.day);
        return byDay != 0 ? byDay : operator.compareTo(other.operator);
    }
}
