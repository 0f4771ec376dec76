package org.switchboard.reporting.qa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One thing a reviewer marks in a call, e.g. "greeting", worth up to {@code points}. A fatal criterion scored 0
 * fails the call outright, whatever the total.
 */
@Embeddable
public class Criterion {

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(nullable = false)
    private int points;

    @Column(nullable = false)
    private boolean fatal;

    protected Criterion() {
    }

    public Criterion(String code, String text, int points, boolean fatal) {
        if (code == null || code.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a criterion needs a code and a text");
        }
        if (points < 1) {
            throw new IllegalArgumentException("a criterion is worth at least 1 point");
        }
        this.code = code;
        this.text = text;
        this.points = points;
        this.fatal = fatal;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Criterion c && code.equals(c.code) && text.equals(c.text) && points == c.points
                && fatal == c.fatal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text, points, fatal);
    }
}
