package org.switchboard.surveys.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.limits.Limits;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;

/**
 * The questionnaire's answer check on any input: it either refuses with a message or accepts, never throws, and what it
 * accepts has a bounded canonical form (no 1e-300000000 that prints as 300 million zeros).
 */
class QuestionnaireFuzzTest {

    private static final Question NUMBER = new Question("Q", "How many?", Kind.NUMBER, true, null, new BigDecimal("-1e6"),
            new BigDecimal("1e6"), null);
    private static final Question OPEN_NUMBER = new Question("O", "How much?", Kind.NUMBER, false, null, null, null, null);
    private static final Question SCALE = new Question("S", "Rate", Kind.SCALE, true, null, BigDecimal.ZERO, BigDecimal.TEN,
            null);
    private static final Question MULTIPLE = new Question("M", "Which?", Kind.MULTIPLE, false,
            List.of(new Option("a", "A"), new Option("b", "B")), null, null, null);
    private static final Question DATE = new Question("D", "When?", Kind.DATE, false, null, null, null, null);

    @FuzzTest
    void answers(FuzzedDataProvider data) {
        Question q = data.pickValue(List.of(NUMBER, OPEN_NUMBER, SCALE, MULTIPLE, DATE));
        String value = data.consumeRemainingAsString();
        String problem = Questionnaire.check(q, value);
        if (problem == null) {
            String canonical = Questionnaire.canonical(q, value);
            assertThat(canonical == null ? 0 : canonical.length()).isLessThanOrEqualTo(
                    Math.max(value.length(), 2 * Limits.NUMBER_SCALE + 2 * Limits.NUMBER_CHARS));
        } else {
            assertThat(problem).isNotBlank();
        }
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Questionnaire.check(OPEN_NUMBER, "1e-300000000")).contains("exponent must be between -1000 and 1000");
            assertThat(Questionnaire.check(NUMBER, "1e-300000000")).contains("exponent");
            assertThat(Questionnaire.check(NUMBER, "1e300000000")).contains("exponent");
            assertThat(Questionnaire.check(NUMBER, "9".repeat(1000))).contains("more than 100 characters");
        });
        assertThat(Questionnaire.check(NUMBER, "abc")).isEqualTo("must be a number");
        assertThat(Questionnaire.check(NUMBER, "12,5")).isNull();
        assertThat(Questionnaire.canonical(NUMBER, "1.50")).isEqualTo("1.5");
    }
}
