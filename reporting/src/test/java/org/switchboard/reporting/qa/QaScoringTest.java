package org.switchboard.reporting.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.reporting.qa.entity.Criterion;
import org.switchboard.reporting.qa.entity.Review;
import org.switchboard.reporting.qa.entity.Scorecard;
import org.switchboard.reporting.qa.entity.Scoring;
import org.switchboard.reporting.qa.entity.Verdict;

/** Scores and verdicts: points over points possible, the pass mark boundary, fatal criteria, bad scores. */
class QaScoringTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** Six criteria worth 20 points in all; politeness is fatal. */
    static Scorecard salesCall(String passMark) {
        Scorecard scorecard = new Scorecard("supervisor", NOW);
        scorecard.define("Sales call", new BigDecimal(passMark), List.of(
                new Criterion("GREETING", "Greets, names the company", 2, false),
                new Criterion("NEEDS", "Finds the customer's needs", 4, false),
                new Criterion("PRODUCT", "Presents the product", 4, false),
                new Criterion("OBJECTIONS", "Handles objections", 4, false),
                new Criterion("NEXT_STEP", "Agrees the next step", 4, false),
                new Criterion("POLITENESS", "Stays polite", 2, true)), true);
        return scorecard;
    }

    static Map<String, Integer> scores(int greeting, int needs, int product, int objections, int next, int polite) {
        Map<String, Integer> scores = new HashMap<>();
        scores.put("GREETING", greeting);
        scores.put("NEEDS", needs);
        scores.put("PRODUCT", product);
        scores.put("OBJECTIONS", objections);
        scores.put("NEXT_STEP", next);
        scores.put("POLITENESS", polite);
        return scores;
    }

    @Test
    void theScoreIsPointsObtainedOverPointsPossibleInPercentWithOneDecimal() {
        Scoring full = salesCall("80").score(scores(2, 4, 4, 4, 4, 2));
        assertThat(full.points()).isEqualTo(20);
        assertThat(full.possible()).isEqualTo(20);
        assertThat(full.score()).isEqualByComparingTo("100.0");
        assertThat(full.verdict()).isEqualTo(Verdict.GOOD);

        Scoring partial = salesCall("80").score(scores(1, 3, 2, 1, 4, 2));
        assertThat(partial.points()).isEqualTo(13);
        assertThat(partial.score()).isEqualByComparingTo("65.0");
        assertThat(partial.verdict()).isEqualTo(Verdict.BAD);

        Scorecard thirds = new Scorecard("supervisor", NOW);
        thirds.define("Thirds", new BigDecimal("60"), List.of(new Criterion("A", "a", 3, false)), true);
        assertThat(thirds.score(Map.of("A", 2)).score()).isEqualByComparingTo("66.7");
        assertThat(thirds.score(Map.of("A", 1)).score()).isEqualByComparingTo("33.3");
        assertThat(thirds.score(Map.of("A", 2)).score().scale()).isEqualTo(1);
    }

    @Test
    void aScoreExactlyAtThePassMarkIsGoodAndOneTenthBelowIsBad() {
        // 16 of 20 points = 80.0
        assertThat(salesCall("80").score(scores(2, 4, 4, 2, 2, 2)).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(salesCall("80.1").score(scores(2, 4, 4, 2, 2, 2)).verdict()).isEqualTo(Verdict.BAD);
        // 15 of 20 = 75.0
        assertThat(salesCall("80").score(scores(2, 4, 4, 2, 1, 2)).verdict()).isEqualTo(Verdict.BAD);
        assertThat(salesCall("75").score(scores(2, 4, 4, 2, 1, 2)).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(salesCall("0").score(scores(0, 0, 0, 0, 0, 1)).verdict()).isEqualTo(Verdict.GOOD);
    }

    @Test
    void theVerdictComparesTheScoreAsShownRoundedToOneDecimal() {
        // 1599 of 2000 points = 79.95 %, shown as 80.0: a reviewer who sees 80.0 against a pass mark of 80 sees GOOD
        Scorecard fine = new Scorecard("supervisor", NOW);
        fine.define("Fine", new BigDecimal("80"), List.of(new Criterion("A", "a", 1000, false),
                new Criterion("B", "b", 1000, false)), true);
        Scoring scoring = fine.score(Map.of("A", 1000, "B", 599));
        assertThat(scoring.score()).isEqualByComparingTo("80.0");
        assertThat(scoring.verdict()).isEqualTo(Verdict.GOOD);
        assertThat(fine.score(Map.of("A", 1000, "B", 598)).verdict()).isEqualTo(Verdict.BAD);
    }

    @Test
    void aFatalCriterionScoredZeroFailsTheCallWhateverTheTotal() {
        Scoring rude = salesCall("80").score(scores(2, 4, 4, 4, 4, 0));
        assertThat(rude.score()).isEqualByComparingTo("90.0");
        assertThat(rude.fatalFailed()).isTrue();
        assertThat(rude.verdict()).isEqualTo(Verdict.BAD);

        Scoring barelyPolite = salesCall("80").score(scores(2, 4, 4, 4, 4, 1));
        assertThat(barelyPolite.fatalFailed()).isFalse();
        assertThat(barelyPolite.verdict()).isEqualTo(Verdict.GOOD);

        // a non-fatal criterion at 0 only costs its points
        assertThat(salesCall("80").score(scores(0, 4, 4, 4, 4, 2)).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(salesCall("0").score(scores(2, 4, 4, 4, 4, 0)).verdict()).isEqualTo(Verdict.BAD);
    }

    @Test
    void everyCriterionMustBeScoredWithinItsPointsAndNoOtherCodeGiven() {
        Map<String, Integer> wrong = scores(3, -1, 4, 4, 4, 2);
        wrong.remove("NEXT_STEP");
        wrong.put("SMILE", 1);
        assertThatThrownBy(() -> salesCall("80").score(wrong))
                .isInstanceOfSatisfying(Scorecard.InvalidScores.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("scores.GREETING", "scores.NEEDS", "scores.NEXT_STEP",
                            "scores.SMILE");
                    assertThat(e.problems().get("scores.GREETING")).isEqualTo("must be between 0 and 2, got 3");
                    assertThat(e.problems().get("scores.NEEDS")).isEqualTo("must be between 0 and 4, got -1");
                    assertThat(e.problems().get("scores.NEXT_STEP")).startsWith("is required");
                    assertThat(e.problems().get("scores.SMILE")).startsWith("is not a criterion of this scorecard");
                });
        Map<String, Integer> missingValue = scores(2, 4, 4, 4, 4, 2);
        missingValue.put("POLITENESS", null);
        assertThatThrownBy(() -> salesCall("80").score(missingValue)).isInstanceOf(Scorecard.InvalidScores.class);
    }

    @Test
    void aScorecardNeedsDistinctCodesAndAPassMarkFrom0To100WithOneDecimal() {
        Scorecard scorecard = new Scorecard("supervisor", NOW);
        List<Criterion> twice = List.of(new Criterion("A", "a", 1, false), new Criterion("A", "again", 2, false));
        assertThatThrownBy(() -> scorecard.define("X", BigDecimal.TEN, twice, true))
                .hasMessageContaining("used twice");
        List<Criterion> one = List.of(new Criterion("A", "a", 1, false));
        assertThatThrownBy(() -> scorecard.define("X", new BigDecimal("100.1"), one, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scorecard.define("X", new BigDecimal("-1"), one, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scorecard.define("X", new BigDecimal("50.25"), one, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scorecard.define("X", BigDecimal.TEN, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Criterion("A", "a", 0, false)).isInstanceOf(IllegalArgumentException.class);
        scorecard.define("X", new BigDecimal("100"), one, true);
        assertThat(scorecard.getPassMark()).isEqualTo(new BigDecimal("100.0"));
    }

    @Test
    void aReviewKeepsTheCriteriaItWasScoredWithAndCorrectsOnlyTheSameCall() {
        Scorecard scorecard = salesCall("80");
        Review.ReviewedCall call = new Review.ReviewedCall(7, "operator1", "ADS", 1L, LocalDate.of(2026, 11, 27));
        Review first = new Review(call, scorecard, scorecard.score(scores(2, 4, 4, 4, 4, 0)), "rude at the end", null,
                "supervisor", NOW);
        assertThat(first.getVerdict()).isEqualTo(Verdict.BAD);
        assertThat(first.getScore()).isEqualByComparingTo("90.0");
        assertThat(first.getPointsPossible()).isEqualTo(20);

        scorecard.define("Sales call v2", new BigDecimal("50"), List.of(new Criterion("GREETING", "Hello", 10, true)),
                true);
        assertThat(first.getCriteria()).hasSize(6);
        assertThat(first.getCriteria().get(5).getCode()).isEqualTo("POLITENESS");
        assertThat(first.getCriteria().get(5).failsTheCall()).isTrue();
        assertThat(first.getPassMark()).isEqualByComparingTo("80");
        assertThat(first.getScorecardName()).isEqualTo("Sales call");

        Review.ReviewedCall other = new Review.ReviewedCall(8, "operator1", "ADS", 1L, LocalDate.of(2026, 11, 27));
        Scoring scoring = scorecard.score(Map.of("GREETING", 10));
        assertThatThrownBy(() -> new Review(other, scorecard, scoring, null, first, "supervisor", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Review.ReviewedCall(9, null, null, null, LocalDate.of(2026, 11, 27)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
