package org.switchboard.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.Problem;
import org.switchboard.surveys.control.Definitions;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Questionnaire.Branch;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;

class QuestionnaireTest {

    static Question single(String code, List<Branch> branches, String... options) {
        return new Question(code, "Question " + code, Kind.SINGLE, true,
                java.util.Arrays.stream(options).map(o -> new Option(o, o.toUpperCase())).toList(), null, null, branches);
    }

    static final Questionnaire SAMPLE = new Questionnaire(List.of(
            single("Q1", List.of(new Branch("no", "Q4")), "yes", "no"),
            new Question("Q2", "How many?", Kind.NUMBER, true, null, BigDecimal.ONE, BigDecimal.valueOf(100), null),
            new Question("Q3", "Which?", Kind.MULTIPLE, false, List.of(new Option("a", "A"), new Option("b", "B"),
                    new Option("c", "C")), null, null, List.of(new Branch("c", "END"))),
            new Question("Q4", "How likely to recommend us?", Kind.SCALE, true, null, BigDecimal.ZERO, BigDecimal.TEN, null),
            new Question("Q5", "When?", Kind.DATE, false, null, null, null, null),
            new Question("Q6", "Anything else?", Kind.TEXT, false, null, null, null, null)), null, null);

    @Test
    void aSoundQuestionnaireHasNoProblems() {
        assertThat(SAMPLE.problems()).isEmpty();
        assertThat(Definitions.read(Definitions.write(SAMPLE))).isEqualTo(SAMPLE);
        assertThat(SAMPLE.question("Q4").nps()).isTrue();
    }

    @Test
    void aBranchToAMissingQuestionOrBackwardsIsRejected() {
        Questionnaire missing = new Questionnaire(List.of(single("Q1", List.of(new Branch("no", "Q9")), "yes", "no"),
                single("Q2", null, "a", "b")), null, null);
        assertThat(missing.problems()).extracting(Problem.Violation::field).containsExactly("questions[0].branches[0].goTo");
        Questionnaire loop = new Questionnaire(List.of(single("Q1", null, "yes", "no"),
                single("Q2", List.of(new Branch("b", "Q1")), "a", "b")), null, null);
        assertThat(loop.problems()).singleElement().satisfies(v -> assertThat(v.message()).contains("Q1 → Q2 → Q1"));
        Questionnaire self = new Questionnaire(List.of(single("Q1", List.of(new Branch("yes", "Q1")), "yes", "no")),
                null, null);
        assertThat(self.problems()).singleElement().satisfies(v -> assertThat(v.message()).contains("loop"));
    }

    @Test
    void answersAreCheckedByKind() {
        assertThat(Questionnaire.check(SAMPLE.question("Q1"), "maybe")).contains("is not an option");
        assertThat(Questionnaire.check(SAMPLE.question("Q1"), null)).contains("required");
        assertThat(Questionnaire.check(SAMPLE.question("Q2"), 101)).isEqualTo("must be between 1 and 100");
        assertThat(Questionnaire.check(SAMPLE.question("Q2"), "12.5")).isNull();
        assertThat(Questionnaire.check(SAMPLE.question("Q3"), List.of("a", "d"))).contains("'d'");
        assertThat(Questionnaire.check(SAMPLE.question("Q3"), null)).isNull();
        assertThat(Questionnaire.check(SAMPLE.question("Q4"), 7.5)).contains("whole");
        assertThat(Questionnaire.check(SAMPLE.question("Q5"), "31.12.2026")).contains("YYYY-MM-DD");
    }

    @Test
    void theInterviewFollowsBranchesThenTheOrder() {
        assertThat(SAMPLE.next(SAMPLE.question("Q1"), "no").code()).isEqualTo("Q4");
        assertThat(SAMPLE.next(SAMPLE.question("Q1"), "yes").code()).isEqualTo("Q2");
        assertThat(SAMPLE.next(SAMPLE.question("Q3"), "a;c")).isNull();
        assertThat(SAMPLE.next(SAMPLE.question("Q3"), "a;b").code()).isEqualTo("Q4");
        assertThat(SAMPLE.next(SAMPLE.question("Q6"), "fine")).isNull();
        assertThat(Questionnaire.canonical(SAMPLE.question("Q2"), "12.50")).isEqualTo("12.5");
        assertThat(Questionnaire.canonical(SAMPLE.question("Q3"), List.of("b", "a"))).isEqualTo("b;a");
    }
}
