package org.switchboard.surveys.results.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Questionnaire.Kind;
import org.switchboard.surveys.control.Questionnaire.Option;
import org.switchboard.surveys.control.Questionnaire.Question;
import org.switchboard.surveys.control.Questionnaire.Quota;
import org.switchboard.surveys.results.control.SurveyResults.QuestionFigures;

/**
 * Figures of a fixed set of eight completed interviews on two versions: version 1 asks Q1–Q4 and the TEXT
 * question Q6; version 2 drops Q6 and adds the 1–5 scale Q5, the DATE question Q7 and the quotas.
 */
class SurveyResultsTest {

    static final Question Q1 = new Question("Q1", "Do you know us?", Kind.SINGLE, false,
            List.of(new Option("yes", "Yes"), new Option("no", "No"), new Option("maybe", "Not sure")), null, null, null);
    static final Question Q2 = new Question("Q2", "Which products?", Kind.MULTIPLE, false,
            List.of(new Option("x", "X"), new Option("y", "Y"), new Option("z", "Z")), null, null, null);
    static final Question Q3 = new Question("Q3", "Recommend us?", Kind.SCALE, true, null, BigDecimal.ZERO,
            BigDecimal.TEN, null);
    static final Question Q4 = new Question("Q4", "How many seats?", Kind.NUMBER, false, null, null, null, null);
    static final Question Q5 = new Question("Q5", "Rate the service", Kind.SCALE, true, null, BigDecimal.ONE,
            BigDecimal.valueOf(5), null);
    static final Question Q6 = new Question("Q6", "Anything else?", Kind.TEXT, false, null, null, null, null);
    static final Question Q7 = new Question("Q7", "Since when?", Kind.DATE, false, null, null, null, null);

    static final Version V1 = new Version(11, 1, new Questionnaire(List.of(Q1, Q2, Q3, Q4, Q6), null, null));
    static final Version V2 = new Version(12, 2, new Questionnaire(List.of(Q1, Q2, Q3, Q4, Q5, Q7), List.of(
            new Quota("knows", "Know us", 4, "Q1", "yes", null, null),
            new Quota("z", "Use Z", 10, "Q2", "z", null, null),
            new Quota("fans", "Top score", 2, "Q3", "10", null, null),
            new Quota("moscow", "Moscow", 3, null, null, "city", "Moscow")), 50));
    static final List<Version> VERSIONS = List.of(V1, V2);

    static Completed completed(long id, Version version, String city, String... answers) {
        Map<String, String> given = new HashMap<>();
        List<String> codes = List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7");
        for (int i = 0; i < answers.length; i++) {
            given.put(codes.get(i), answers[i]);
        }
        return new Completed(id, version.id(), given, city == null ? Map.of() : Map.of("city", city));
    }

    //                                                Q1       Q2       Q3    Q4      Q5   Q6       Q7
    static final List<Completed> COMPLETED = List.of(
            completed(1, V1, "Moscow", "yes", "x;y", "10", "12.5", null, "great"),
            completed(2, V1, "Moscow", "yes", "x", "9", "3", null, null),
            completed(3, V1, "St. Petersburg", "no", "y;z", "8", "7", null, "slow"),
            completed(4, V1, null, "maybe", "x;z", "7", null, null, "ok"),
            completed(5, V2, "Moscow", "yes", null, "6", "100", "5", null, "2026-11-01"),
            completed(6, V2, "St. Petersburg", "no", "x;y;z", "0", "3", "4"),
            completed(7, V2, "Kazan", "yes", "z", "9", null, "4"),
            completed(8, V2, "Moscow", null, "x", "10", null, "2"));

    static SurveyResults results() {
        return SurveyResults.of(VERSIONS, COMPLETED);
    }

    static QuestionFigures question(String code) {
        return results().questions().stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void questionsFollowTheLatestVersionThenOlderExtras() {
        assertThat(results().completes()).isEqualTo(8);
        assertThat(results().questions()).extracting(QuestionFigures::code)
                .containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q7", "Q6");
        assertThat(results().targetCompletes()).isEqualTo(50);
    }

    @Test
    void singleChoiceCountsAndPercentagesOfThoseWhoAnswered() {
        QuestionFigures q1 = question("Q1");
        assertThat(q1.answered()).isEqualTo(7);
        assertThat(q1.counts()).containsExactly(entry("yes", 4L), entry("no", 2L), entry("maybe", 1L));
        // 4/7 = 57.142…, 2/7 = 28.571…, 1/7 = 14.285…
        assertThat(q1.percentages()).containsExactly(entry("yes", d("57.1")), entry("no", d("28.6")),
                entry("maybe", d("14.3")));
        assertThat(q1.mean()).isNull();
        assertThat(q1.median()).isNull();
        assertThat(q1.nps()).isNull();
    }

    @Test
    void multipleChoicePercentagesMaySumOverOneHundred() {
        QuestionFigures q2 = question("Q2");
        assertThat(q2.answered()).isEqualTo(7);
        assertThat(q2.counts()).containsExactly(entry("x", 5L), entry("y", 3L), entry("z", 4L));
        assertThat(q2.percentages()).containsExactly(entry("x", d("71.4")), entry("y", d("42.9")),
                entry("z", d("57.1")));
        assertThat(q2.percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(d("171.4"));
    }

    @Test
    void npsScaleHasCountsByPointMeanMedianAndScore() {
        QuestionFigures q3 = question("Q3");
        assertThat(q3.answered()).isEqualTo(8);
        assertThat(q3.counts()).hasSize(11).containsEntry("0", 1L).containsEntry("1", 0L).containsEntry("6", 1L)
                .containsEntry("9", 2L).containsEntry("10", 2L);
        assertThat(q3.counts().keySet()).startsWith("0", "1", "2").endsWith("9", "10");
        assertThat(q3.percentages()).containsEntry("9", d("25.0")).containsEntry("7", d("12.5"));
        // 59 / 8 = 7.375, half up
        assertThat(q3.mean()).isEqualTo(d("7.38"));
        // 0 6 7 8 | 9 9 10 10: the mean of the two middle answers
        assertThat(q3.median()).isEqualTo(d("8.5"));
        assertThat(q3.nps()).isEqualTo(new SurveyResults.Nps(4, 2, 2, d("25.0")));
    }

    @Test
    void numberHasMeanAndMedianButNoCounts() {
        QuestionFigures q4 = question("Q4");
        assertThat(q4.answered()).isEqualTo(5);
        assertThat(q4.counts()).isNull();
        assertThat(q4.percentages()).isNull();
        // 3 3 7 12.5 100: odd count, the middle one
        assertThat(q4.median()).isEqualTo(d("7"));
        assertThat(q4.mean()).isEqualTo(d("25.10"));
        assertThat(q4.nps()).isNull();
        assertThat(q4.distribution()).containsExactly(Map.entry("3", 2L), Map.entry("7", 1L), Map.entry("12.5", 1L),
                Map.entry("100", 1L));
    }

    @Test
    void aQuestionCountsOnlyForTheVersionsThatAskIt() {
        QuestionFigures q5 = question("Q5");
        assertThat(q5.answered()).isEqualTo(4);
        assertThat(q5.counts()).containsExactly(entry("1", 0L), entry("2", 1L), entry("3", 0L), entry("4", 2L),
                entry("5", 1L));
        assertThat(q5.percentages()).containsEntry("4", d("50.0")).containsEntry("2", d("25.0"));
        assertThat(q5.median()).isEqualTo(d("4"));
        assertThat(q5.mean()).isEqualTo(d("3.75"));
        assertThat(q5.nps()).as("a 1–5 scale has no NPS").isNull();

        QuestionFigures q6 = question("Q6");
        assertThat(q6.kind()).isEqualTo(Kind.TEXT);
        assertThat(q6.answered()).isEqualTo(3);
        assertThat(q6.counts()).isNull();
        assertThat(q6.mean()).isNull();
        assertThat(question("Q7").answered()).isEqualTo(1);
    }

    @Test
    void anAnswerToAQuestionTheVersionDoesNotAskIsIgnored() {
        Map<String, String> stray = new HashMap<>(Map.of("Q1", "yes", "Q5", "1"));
        SurveyResults results = SurveyResults.of(VERSIONS, List.of(new Completed(9, V1.id(), stray, Map.of())));
        QuestionFigures q5 = results.questions().stream().filter(q -> q.code().equals("Q5")).findFirst().orElseThrow();
        assertThat(q5.answered()).isZero();
        assertThat(q5.mean()).isNull();
        assertThat(q5.median()).isNull();
        assertThat(q5.percentages()).containsEntry("1", d("0.0"));
    }

    @Test
    void quotasCountCompletesByAnswerAndByContactAttribute() {
        assertThat(results().quotas()).containsExactly(
                new SurveyResults.QuotaFigures("knows", "Know us", 4, 4, true),
                new SurveyResults.QuotaFigures("z", "Use Z", 10, 4, false),
                new SurveyResults.QuotaFigures("fans", "Top score", 2, 2, true),
                new SurveyResults.QuotaFigures("moscow", "Moscow", 3, 4, true));
    }

    @Test
    void anAttributeQuotaMatchesTheValueRegardlessOfCaseAsTheInterviewsDo() {
        List<Completed> completed = List.of(completed(1, V2, "moscow", "yes"), completed(2, V2, "MOSCOW", "no"),
                completed(3, V2, "Moscow region", "no"), completed(4, V2, null, "no"));
        assertThat(SurveyResults.of(VERSIONS, completed).quotas()).filteredOn(q -> q.code().equals("moscow"))
                .singleElement().isEqualTo(new SurveyResults.QuotaFigures("moscow", "Moscow", 3, 2, false));
    }

    @Test
    void percentagesRoundHalfUpToOneDecimal() {
        assertThat(Values.percent(1, 16)).isEqualTo(d("6.3"));
        assertThat(Values.percent(1, 6)).isEqualTo(d("16.7"));
        assertThat(Values.percent(1, 3)).isEqualTo(d("33.3"));
        assertThat(Values.percent(3, 3)).isEqualTo(d("100.0"));
        assertThat(Values.percent(1, 0)).isNull();
    }

    @Test
    void npsScoreIsPromotersLessDetractorsInPercent() {
        Version nps = new Version(1, 1, new Questionnaire(List.of(Q3), null, null));
        List<Completed> answers = Arrays.stream(new String[] {"10", "9", "8", "3", "0", "5"})
                .map(v -> new Completed(v.hashCode(), 1, Map.of("Q3", v), Map.of())).toList();
        QuestionFigures q3 = SurveyResults.of(List.of(nps), answers).questions().get(0);
        // 2 promoters (33.3 %), 1 passive, 3 detractors (50 %): 2 − 3 of 6 = −16.7
        assertThat(q3.nps()).isEqualTo(new SurveyResults.Nps(2, 1, 3, d("-16.7")));
        assertThat(q3.median()).isEqualTo(d("6.5"));
    }

    @Test
    void crossTabOfTwoQuestionsCountsEachOptionOfAMultipleAnswer() {
        CrossTab.Table table = CrossTab.of(VERSIONS, "Q1", "Q2", COMPLETED);
        assertThat(table.rows()).containsExactly("yes", "no", "maybe");
        assertThat(table.columns()).containsExactly("x", "y", "z");
        assertThat(table.cells()).containsExactly(List.of(2L, 1L, 1L), List.of(1L, 2L, 2L), List.of(1L, 0L, 1L));
        assertThat(table.rowTotals()).containsExactly(3L, 2L, 1L);
        assertThat(table.columnTotals()).containsExactly(4L, 3L, 4L);
        assertThat(table.total()).isEqualTo(6);
    }

    @Test
    void crossTabByContactAttribute() {
        CrossTab.Table table = CrossTab.of(VERSIONS, "Q1", "attribute:city", COMPLETED);
        assertThat(table.column()).isEqualTo("attribute:city");
        assertThat(table.columns()).containsExactly("Kazan", "Moscow", "St. Petersburg");
        assertThat(table.cells()).containsExactly(List.of(1L, 3L, 0L), List.of(0L, 0L, 2L), List.of(0L, 0L, 0L));
        assertThat(table.rowTotals()).containsExactly(4L, 2L, 0L);
        assertThat(table.columnTotals()).containsExactly(1L, 3L, 2L);
        assertThat(table.total()).isEqualTo(6);
    }

    @Test
    void crossTabOfAScaleOnlyTheNewerVersionAsks() {
        CrossTab.Table table = CrossTab.of(VERSIONS, "Q5", "Q1", COMPLETED);
        assertThat(table.rows()).containsExactly("1", "2", "3", "4", "5");
        assertThat(table.cells()).containsExactly(List.of(0L, 0L, 0L), List.of(0L, 0L, 0L), List.of(0L, 0L, 0L),
                List.of(1L, 1L, 0L), List.of(1L, 0L, 0L));
        assertThat(table.total()).isEqualTo(3);
    }

    @Test
    void crossTabRefusesNumbersTextsDatesAndUnknownCodes() {
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q4", "Q1", COMPLETED)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("NUMBER").extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q1", "Q6", COMPLETED)).hasMessageContaining("TEXT");
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q1", "Q7", COMPLETED)).hasMessageContaining("DATE");
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q9", "Q1", COMPLETED)).hasMessageContaining("'Q9'");
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q1", "attribute:age", COMPLETED))
                .hasMessageContaining("'age'");
        assertThatThrownBy(() -> CrossTab.of(VERSIONS, "Q1", null, COMPLETED)).hasMessageContaining("column");
    }

    @Test
    void exportedAnswersAreTypedByKind() {
        assertThat(ResponseExport.typed(Q4, "12.5")).isEqualTo(d("12.5"));
        assertThat(ResponseExport.typed(Q7, "2026-11-01")).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(ResponseExport.typed(Q2, "x;z")).isEqualTo("x;z");
        assertThat(ResponseExport.typed(Q1, null)).isNull();
    }
}
