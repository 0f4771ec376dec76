package org.switchboard.reporting.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A criterion as it stood when a review scored it, and the points it was given. */
@Embeddable
public class ScoredCriterion {

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(nullable = false)
    private int points;

    @Column(nullable = false)
    private boolean fatal;

    @Column(nullable = false)
    private int scored;

    protected ScoredCriterion() {
    }

    public ScoredCriterion(Criterion criterion, int scored) {
        if (scored < 0 || scored > criterion.getPoints()) {
            throw new IllegalArgumentException("a score must be between 0 and " + criterion.getPoints());
        }
        this.code = criterion.getCode();
        this.text = criterion.getText();
        this.points = criterion.getPoints();
        this.fatal = criterion.isFatal();
        this.scored = scored;
    }

    /** A fatal criterion given nothing: the call fails. */
    public boolean failsTheCall() {
        return fatal && scored == 0;
    }

    public String getCode() {
        return code;
    }

    public String getText() {
        return text;
    }

    public int getPoints() {
        return points;
    }

    public boolean isFatal() {
        return fatal;
    }

    public int getScored() {
        return scored;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoredCriterion c && code.equals(c.code) && text.equals(c.text) && points == c.points
                && fatal == c.fatal && scored == c.scored;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text, points, fatal, scored);
    }
}
