package org.switchboard.reporting.qa.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.envers.Audited;

/**
 * What a reviewer marks in a recording: criteria worth points, and the pass mark (percent of the points) a call
 * must reach. A scorecard may be edited at any time; reviews already written keep the criteria they were scored
 * with (see {@link Review}), so an edit never changes a past verdict.
 */
@Entity
@Table(name = "reporting_qa_scorecard")
@Audited
public class Scorecard {

    public static final BigDecimal MAX_PASS_MARK = BigDecimal.valueOf(100);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_qa_scorecard_seq")
    @SequenceGenerator(name = "reporting_qa_scorecard_seq", sequenceName = "reporting_qa_scorecard_seq",
            allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "pass_mark", nullable = false, precision = 4, scale = 1)
    private BigDecimal passMark;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection
    @CollectionTable(name = "reporting_qa_criterion", joinColumns = @JoinColumn(name = "scorecard_id"))
    @OrderColumn(name = "position")
    private List<Criterion> criteria = new ArrayList<>();

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Scorecard() {
    }

    public Scorecard(String createdBy, Instant createdAt) {
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A scorecard's content is checked as a whole: criteria with distinct codes, a pass mark from 0 to 100. */
    public void define(String name, BigDecimal passMark, List<Criterion> criteria, boolean active) {
        if (passMark.signum() < 0 || passMark.compareTo(MAX_PASS_MARK) > 0
                || passMark.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException("passMark must be between 0 and 100, with at most one decimal");
        }
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs at least one criterion");
        }
        Set<String> codes = new HashSet<>();
        for (Criterion c : criteria) {
            if (!codes.add(c.getCode())) {
                throw new IllegalArgumentException("criterion code " + c.getCode() + " is used twice");
            }
        }
        this.name = name;
        this.passMark = passMark.setScale(1, RoundingMode.UNNECESSARY);
        this.active = active;
        if (!this.criteria.equals(criteria)) {
            this.criteria.clear();
            this.criteria.addAll(criteria);
        }
    }

    /** Scores that do not fit the scorecard, by field ({@code scores.CODE}). */
    public static final class InvalidScores extends IllegalArgumentException {
        private final Map<String, String> problems;

        InvalidScores(Map<String, String> problems) {
            super(problems.size() + " scores are wrong: " + problems);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /**
     * Scores a call: every criterion needs points between 0 and its maximum, and no code the scorecard lacks may be
     * given. Problems are collected, not reported one at a time.
     */
    public Scoring score(Map<String, Integer> scores) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<ScoredCriterion> scored = new ArrayList<>();
        for (Criterion c : criteria) {
            Integer points = scores.get(c.getCode());
            if (points == null) {
                problems.put("scores." + c.getCode(), "is required: score every criterion, 0 to " + c.getPoints());
            } else if (points < 0 || points > c.getPoints()) {
                problems.put("scores." + c.getCode(), "must be between 0 and " + c.getPoints() + ", got " + points);
            } else {
                scored.add(new ScoredCriterion(c, points));
            }
        }
        Set<String> known = new HashSet<>();
        criteria.forEach(c -> known.add(c.getCode()));
        scores.keySet().stream().filter(code -> !known.contains(code)).sorted()
                .forEach(code -> problems.put("scores." + code, "is not a criterion of this scorecard; its criteria: "
                        + String.join(", ", criteria.stream().map(Criterion::getCode).toList())));
        if (!problems.isEmpty()) {
            throw new InvalidScores(problems);
        }
        return new Scoring(scored, passMark);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }

    public boolean isActive() {
        return active;
    }

    public List<Criterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
