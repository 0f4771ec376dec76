package org.switchboard.surveys.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.switchboard.surveys.control.Interviews;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;

/** The JSON shapes of the surveys API. */
public final class SurveyBodies {

    private SurveyBodies() {
    }

    /** A survey as written (POST, PUT with the version read). */
    public record SurveyInput(String title, String intro, String campaign, List<Questionnaire.Question> questions,
            List<Questionnaire.Quota> quotas, Integer targetCompletes, Long version) {
    }

    /** One version: its number, state, when it went live, how many interviews it has. */
    public record VersionView(int number, String state, Instant publishedAt, long responses) {
    }

    /** One version as it was written, with its questionnaire (a live one stays readable while the next is drafted). */
    public record VersionDetail(long surveyId, int number, String state, Instant publishedAt, String intro,
            List<Questionnaire.Question> questions, List<Questionnaire.Quota> quotas, Integer targetCompletes,
            long responses) {
    }

    /** A survey with its latest version's questionnaire. */
    public record SurveyView(long id, String title, String intro, String campaign, List<Questionnaire.Question> questions,
            List<Questionnaire.Quota> quotas, Integer targetCompletes, int versionNumber, String state,
            Integer liveVersion, List<VersionView> versions, long completes, String createdBy, Instant createdAt,
            long version) {
    }

    /** A question as the operator reads it out (without the branching). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(String code, String text, String kind, boolean required,
            List<Questionnaire.Option> options, BigDecimal min, BigDecimal max) {

        static QuestionView of(Questionnaire.Question q) {
            return q == null ? null : new QuestionView(q.code(), q.text(), q.kind().name(), q.mandatory(),
                    q.options(), q.min(), q.max());
        }
    }

    /** Starting (or resuming) an interview: the contact and the call-list entry it is called from. */
    public record StartInput(Long contactId, Long entryId) {
    }

    /**
     * One answer: the question's code and the value (a code, a list of codes, a number, a date or text). A JSON number
     * is kept as the text it was sent as, so that the questionnaire's bounded number check sees {@code 1e-300000000}
     * as written rather than a double that quietly became 0.
     */
    public record AnswerInput(String question, @JsonDeserialize(using = NumbersAsText.class) Object value) {
    }

    /** Any JSON value as Jackson reads it into an {@code Object}, except that a number arrives as its text. */
    static final class NumbersAsText extends JsonDeserializer<Object> {
        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws java.io.IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getText();
            }
            return context.readValue(p, Object.class);
        }
    }

    /** Where the interview stands: the next question, or complete (and why, when a quota was full). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(long id, QuestionView next, Boolean complete, Boolean quotaFull, String quota,
            Boolean resumed) {

        static StepView of(Interviews.Step step) {
            Response r = step.response();
            boolean quotaFull = r.getState() == Response.State.QUOTA_FULL;
            return new StepView(r.getId(), step.complete() ? null : QuestionView.of(step.next()),
                    step.complete() ? Boolean.TRUE : null, quotaFull ? Boolean.TRUE : null, r.getQuotaCode(),
                    step.resumed() ? Boolean.TRUE : null);
        }
    }

    public record AnswerView(String question, String value) {
        static AnswerView of(Answer a) {
            return new AnswerView(a.getQuestion(), a.getValue());
        }
    }

    /** An interview with its answers so far. */
    public record ResponseView(long id, long surveyId, int version, long contactId, Long entryId, String operator,
            String state, String currentQuestion, String quota, Instant startedAt, Instant endedAt,
            List<AnswerView> answers) {
    }
}
