package org.switchboard.surveys.results.control;

import org.switchboard.surveys.control.Questionnaire;

/** A published version of a survey as the results read it: its id, number and questionnaire. */
public record Version(long id, int number, Questionnaire questionnaire) {
}
