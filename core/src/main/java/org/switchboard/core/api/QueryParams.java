package org.switchboard.core.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.core.errors.ProblemException;

/** Query parameters as endpoints read them: a wrong value is a 400 naming the parameter (never JAX-RS's 404 for an unconvertible one). */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    public static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw ProblemException.invalid(name, "is required, a date YYYY-MM-DD");
        }
        return date;
    }

    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an id (a whole number), got '" + value + "'");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false, got '" + value + "'");
        };
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", got '" + value + "'");
        }
    }

    /** The text, trimmed; null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A period of days: from ≤ to. */
    public static void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from (" + from + ")");
        }
    }
}
