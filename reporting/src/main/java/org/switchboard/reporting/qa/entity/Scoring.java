package org.switchboard.reporting.qa.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The points a reviewer gave, against a pass mark. The score is the points obtained over the points possible, in
 * percent with one decimal (half up); the verdict is GOOD when the score reaches the pass mark and no fatal
 * criterion was scored 0.
 */
public record Scoring(List<ScoredCriterion> criteria, BigDecimal passMark) {

    public Scoring {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a scoring needs at least one criterion");
        }
    }

    public int points() {
        return criteria.stream().mapToInt(ScoredCriterion::getScored).sum();
    }

    public int possible() {
        return criteria.stream().mapToInt(ScoredCriterion::getPoints).sum();
    }

    public BigDecimal score() {
        return BigDecimal.valueOf(points()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(possible()), 1, RoundingMode.HALF_UP);
    }

    public boolean fatalFailed() {
        return criteria.stream().anyMatch(ScoredCriterion::failsTheCall);
    }

    public Verdict verdict() {
        return !fatalFailed() && score().compareTo(passMark) >= 0 ? Verdict.GOOD : Verdict.BAD;
    }
}
