package org.switchboard.surveys.results.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Question;

/** Stored answers read back: the options a MULTIPLE answer names, numbers, percentages rounded half up. */
final class Values {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Values() {
    }

    /** The options a stored answer names: one for SINGLE, each of {@code a;b} for MULTIPLE, the value otherwise. */
    static List<String> options(Question q, String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        if (q.kind() == Kind.MULTIPLE) {
            return List.copyOf(new LinkedHashSet<>(Arrays.stream(stored.split(";")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList()));
        }
        if (q.kind() == Kind.SCALE || q.kind() == Kind.NUMBER) {
            BigDecimal n = number(stored);
            return List.of(n == null ? stored.trim() : plain(n));
        }
        return List.of(stored.trim());
    }

    /** Whether a stored answer includes {@code wanted}: one of its options, or the same number. */
    static boolean includes(Question q, String stored, String wanted) {
        if (q == null || stored == null || wanted == null) {
            return false;
        }
        if (q.kind() == Kind.SCALE || q.kind() == Kind.NUMBER) {
            BigDecimal a = number(stored);
            BigDecimal b = number(wanted);
            if (a != null && b != null) {
                return a.compareTo(b) == 0;
            }
        }
        return options(q, stored).contains(wanted.trim());
    }

    static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            // bounded: a filter value such as 1e-300000000 would make compareTo and toPlainString allocate hundreds of MB
            return org.switchboard.core.limits.Decimals.parse(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number without trailing zeros and never in exponent notation: 7, 7.5, 10. */
    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    static BigDecimal tidy(BigDecimal n) {
        return new BigDecimal(plain(n));
    }

    /** {@code part} of {@code whole} in percent, one decimal, half up; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
