package org.switchboard.surveys.results.control;

import java.util.Map;

/**
 * One completed interview as the figures see it: the version it was given on, its answers by question code as
 * stored (null or absent: skipped) and its contact's attributes ({@code city}, {@code company}, {@code timeZone}).
 */
public record Completed(long responseId, long versionId, Map<String, String> answers, Map<String, String> attributes) {

    public Completed {
        answers = answers == null ? Map.of() : answers;
        attributes = attributes == null ? Map.of() : attributes;
    }

    public String answer(String code) {
        return answers.get(code);
    }
}
