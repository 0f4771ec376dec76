package org.switchboard.surveys.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.switchboard.core.api.Json;

/** A questionnaire to and from the JSON a version keeps. */
public final class Definitions {

    private Definitions() {
    }

    public static String write(Questionnaire questionnaire) {
        try {
            return Json.mapper().writeValueAsString(questionnaire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a questionnaire: " + e.getMessage(), e);
        }
    }

    public static Questionnaire read(String json) {
        try {
            return Json.mapper().readValue(json, Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored questionnaire cannot be read: " + e.getMessage(), e);
        }
    }
}
