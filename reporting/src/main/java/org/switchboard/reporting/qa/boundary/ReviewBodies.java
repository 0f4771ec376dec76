package org.switchboard.reporting.qa.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.switchboard.reporting.qa.entity.Review;
import org.switchboard.reporting.qa.entity.Verdict;

/** The JSON of reviews. */
public final class ReviewBodies {

    private ReviewBodies() {
    }

    /** A review: points per criterion code; {@code corrects} names an earlier review of the same call it replaces. */
    public record ReviewInput(
            @NotNull(message = "is required: the call reviewed") Long callId,
            @NotNull(message = "is required: the scorecard the call is scored with") Long scorecardId,
            @NotNull(message = "is required: {\"CODE\": points, …} for every criterion of the scorecard")
            Map<String, Integer> scores,
            @Size(max = 2000, message = "must be at most 2000 characters long") String comment,
            Long corrects) {
    }

    /** A criterion as it was scored. */
    public record ScoreView(String code, String text, int points, boolean fatal, int scored) {
    }

    /**
     * A review. {@code criteria} and {@code passMark} are those it was scored with; {@code correctedBy} is the review
     * that replaced it, null while it is the one that counts.
     */
    public record ReviewView(Long id, long callId, String operator, String campaign, LocalDate day, Long scorecardId,
            long scorecardVersion, String scorecardName, BigDecimal passMark, BigDecimal score, int points,
            int pointsPossible, Verdict verdict, List<ScoreView> criteria, String comment, String reviewer, Instant at,
            Long corrects, Long correctedBy) {

        static ReviewView of(Review r, Long correctedBy) {
            return new ReviewView(r.getId(), r.getCallId(), r.getOperator(), r.getCampaign(), r.getDay(),
                    r.getScorecardId(), r.getScorecardVersion(), r.getScorecardName(), r.getPassMark(), r.getScore(),
                    r.getPoints(), r.getPointsPossible(), r.getVerdict(), r.getCriteria().stream()
                            .map(c -> new ScoreView(c.getCode(), c.getText(), c.getPoints(), c.isFatal(), c.getScored()))
                            .toList(), r.getComment(), r.getReviewer(), r.getAt(), r.getCorrects(), correctedBy);
        }
    }
}
