package org.switchboard.reporting.qa.boundary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.switchboard.core.errors.ProblemException;

/** Query parameters as the QA endpoints read them: a wrong value is a 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw ProblemException.invalid(name, "is required, a date YYYY-MM-DD");
        }
        return date;
    }

    /** A record id; a query parameter that is not one is a 400, not JAX-RS's 404 for an unconvertible parameter. */
    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an id (a whole number), got '" + value + "'");
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
