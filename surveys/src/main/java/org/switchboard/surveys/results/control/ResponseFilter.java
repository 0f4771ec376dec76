package org.switchboard.surveys.results.control;

import java.time.Instant;

/**
 * Which interviews the figures count: ended in {@code [from, to)} (either may be open) and taken by
 * {@code operator} (null: anyone). Interviews still in progress have no end and are taken by when they started.
 */
public record ResponseFilter(Instant from, Instant to, String operator) {

    public static final ResponseFilter NONE = new ResponseFilter(null, null, null);
}
