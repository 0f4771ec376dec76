package org.switchboard.reporting.qa.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * A reviewer's judgement of one call, final once written: there is no way to change or delete it. A mistake is put
 * right by a new review of the same call that {@code corrects} this one; reports count only the last of such a
 * chain. The review keeps the scorecard's criteria and pass mark as they were when it was scored, and the call's
 * operator, campaign, client and day as they were then.
 */
@Entity
@Table(name = "reporting_qa_review")
@Immutable
public class Review {

    /** The call as reporting knew it when it was reviewed. */
    public record ReviewedCall(long id, String operator, String campaign, Long clientId, LocalDate day) {
        public ReviewedCall {
            if (operator == null) {
                throw new IllegalArgumentException("a reviewed call belongs to an operator");
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_qa_review_seq")
    @SequenceGenerator(name = "reporting_qa_review_seq", sequenceName = "reporting_qa_review_seq", allocationSize = 50)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private long callId;

    @Column(nullable = false, length = 64)
    private String operator;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "work_day", nullable = false)
    private LocalDate day;

    @Column(name = "scorecard_id", nullable = false)
    private Long scorecardId;

    @Column(name = "scorecard_version", nullable = false)
    private long scorecardVersion;

    @Column(name = "scorecard_name", nullable = false, length = 200)
    private String scorecardName;

    @Column(name = "pass_mark", nullable = false, precision = 4, scale = 1)
    private BigDecimal passMark;

    @ElementCollection
    @CollectionTable(name = "reporting_qa_review_score", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    private List<ScoredCriterion> criteria = new ArrayList<>();

    @Column(nullable = false)
    private int points;

    @Column(name = "points_possible", nullable = false)
    private int pointsPossible;

    @Column(nullable = false, precision = 4, scale = 1)
    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    private Verdict verdict;

    @Column(length = 2000)
    private String comment;

    @Column(nullable = false, length = 64)
    private String reviewer;

    @Column(name = "reviewed_at", nullable = false)
    private Instant at;

    @Column(name = "corrects")
    private Long corrects;

    protected Review() {
    }

    /**
     * @param corrects the review of the same call this one replaces, or null for a first review
     */
    public Review(ReviewedCall call, Scorecard scorecard, Scoring scoring, String comment, Review corrects,
            String reviewer, Instant at) {
        if (corrects != null && corrects.callId != call.id()) {
            throw new IllegalArgumentException("a review corrects only a review of the same call");
        }
        this.callId = call.id();
        this.operator = call.operator();
        this.campaign = call.campaign();
        this.clientId = call.clientId();
        this.day = call.day();
        this.scorecardId = scorecard.getId();
        this.scorecardVersion = scorecard.getVersion();
        this.scorecardName = scorecard.getName();
        this.passMark = scoring.passMark();
        this.criteria.addAll(scoring.criteria());
        this.points = scoring.points();
        this.pointsPossible = scoring.possible();
        this.score = scoring.score();
        this.verdict = scoring.verdict();
        this.comment = comment;
        this.reviewer = reviewer;
        this.at = at;
        this.corrects = corrects == null ? null : corrects.getId();
    }

    public Long getId() {
        return id;
    }

    public long getCallId() {
        return callId;
    }

    public String getOperator() {
        return operator;
    }

    public String getCampaign() {
        return campaign;
    }

    public Long getClientId() {
        return clientId;
    }

    public LocalDate getDay() {
        return day;
    }

    public Long getScorecardId() {
        return scorecardId;
    }

    public long getScorecardVersion() {
        return scorecardVersion;
    }

    public String getScorecardName() {
        return scorecardName;
    }

    public BigDecimal getPassMark() {
        return passMark;
    }

    public List<ScoredCriterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public int getPoints() {
        return points;
    }

    public int getPointsPossible() {
        return pointsPossible;
    }

    public BigDecimal getScore() {
        return score;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public String getComment() {
        return comment;
    }

    public String getReviewer() {
        return reviewer;
    }

    public Instant getAt() {
        return at;
    }

    public Long getCorrects() {
        return corrects;
    }
}
