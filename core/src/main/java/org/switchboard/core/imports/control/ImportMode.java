package org.switchboard.core.imports.control;

import java.util.Locale;
import org.switchboard.core.errors.ProblemException;

/** Keep every good row (default), or import nothing when any row is bad. */
public enum ImportMode {
    BEST_EFFORT, ALL_OR_NOTHING;

    public static ImportMode of(String parameter) {
        if (parameter == null || parameter.isBlank() || parameter.equalsIgnoreCase("best-effort")) {
            return BEST_EFFORT;
        }
        if (parameter.trim().toLowerCase(Locale.ROOT).equals("all-or-nothing")) {
            return ALL_OR_NOTHING;
        }
        throw ProblemException.invalid("mode", "must be best-effort (the default) or all-or-nothing");
    }
}
