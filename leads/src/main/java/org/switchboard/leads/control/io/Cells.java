package org.switchboard.leads.control.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading spreadsheet cells the way people fill them: dates as {@code 2026-11-28} or {@code 28.11.2026},
 * times with or without seconds, yes/no in English or Russian, lists separated by {@code ;}.
 */
public final class Cells {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "да", "д", "+");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "нет", "н", "-");
    /** Strict: 31.02 is an error, not 28.02. */
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(strict("uuuu-MM-dd HH:mm:ss"),
            strict("uuuu-MM-dd HH:mm"), strict("uuuu-MM-dd'T'HH:mm:ss"), strict("uuuu-MM-dd'T'HH:mm"),
            strict("d.M.uuuu H:mm:ss"), strict("d.M.uuuu H:mm"));
    private static final DateTimeFormatter RUSSIAN_DATE = strict("d.M.uuuu");

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private Cells() {
    }

    /** A cell that cannot be read, with what was expected. */
    public static final class BadCell extends IllegalArgumentException {
        public BadCell(String message) {
            super(message);
        }
    }

    public static Boolean yesNo(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (YES.contains(v)) {
            return true;
        }
        if (NO.contains(v)) {
            return false;
        }
        throw new BadCell("'" + value + "' is not yes or no");
    }

    public static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (v.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(v, RUSSIAN_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new BadCell("'" + value + "' is not a date; write 2026-11-28 or 28.11.2026");
    }

    /** An instant: ISO-8601 with offset, or a local date-time in the call-centre zone. */
    public static Instant instant(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the local forms
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(v, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        throw new BadCell("'" + value + "' is not a date and time; write 2026-11-28 14:05:00");
    }

    public static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return org.switchboard.core.limits.Decimals.parse(value.trim().replace(" ", ""));
        } catch (org.switchboard.core.limits.Decimals.OutOfBounds e) {
            throw new BadCell(e.getMessage());
        } catch (NumberFormatException e) {
            throw new BadCell("'" + value + "' is not a number");
        }
    }

    public static Long id(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadCell("'" + value + "' is not a whole number");
        }
    }

    public static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        for (String part : value.split("[;\\n]")) {
            if (!part.isBlank()) {
                items.add(part.trim());
            }
        }
        return items;
    }
}
