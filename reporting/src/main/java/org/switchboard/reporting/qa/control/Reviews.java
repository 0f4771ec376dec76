package org.switchboard.reporting.qa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.reporting.qa.entity.Review;
import org.switchboard.reporting.qa.entity.Scorecard;
import org.switchboard.reporting.qa.entity.Scoring;

/**
 * Writes and reads reviews. A review is written once and never changed; a correction is a new review of the same
 * call naming the review it replaces, and each review can be corrected once, so the corrections of a call form a
 * chain whose last link is the review that counts. A reviewer bound to a client reviews only that client's calls and
 * corrects only their own reviews.
 */
@ApplicationScoped
public class Reviews {

    public static final Map<String, String> SORTABLE = Map.of("at", "at", "score", "score", "day", "day",
            "operator", "operator");

    @PersistenceContext
    EntityManager em;

    @Inject
    QaCalls calls;

    protected Reviews() {
    }

    public Reviews(EntityManager em, QaCalls calls) {
        this.em = em;
        this.calls = calls;
    }

    /** A review as the reviewer sends it. */
    public record Request(long callId, long scorecardId, Map<String, Integer> scores, String comment, Long corrects) {
    }

    /** Who reviews: the username, and the client they are bound to (null for call-centre staff). */
    public record Reviewer(String username, Long clientScope) {
    }

    public record Filter(Long callId, LocalDate from, LocalDate to, String operator) {
    }

    public Review write(Request request, Reviewer reviewer, Instant now) {
        QaCall call = calls.find(request.callId(), reviewer.clientScope())
                .orElseThrow(() -> ProblemException.notFound("There is no call " + request.callId()));
        if (call.operator() == null) {
            throw ProblemException.invalid("callId", "is a call of no known operator; reviews score operators");
        }
        if (!call.recorded()) {
            throw ProblemException.invalid("callId", "has no recording to review");
        }
        Scorecard scorecard = em.find(Scorecard.class, request.scorecardId());
        if (scorecard == null) {
            throw ProblemException.invalid("scorecardId", "is not a scorecard");
        }
        if (!scorecard.isActive()) {
            throw ProblemException.invalid("scorecardId", "is an inactive scorecard; use an active one");
        }
        Review corrected = request.corrects() == null ? null : corrected(request, reviewer);
        Scoring scoring;
        try {
            scoring = scorecard.score(request.scores() == null ? Map.of() : request.scores());
        } catch (Scorecard.InvalidScores e) {
            throw ProblemException.invalid(e.problems().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(p -> new Problem.Violation(p.getKey(), p.getValue())).toList());
        }
        Review review = new Review(new Review.ReviewedCall(call.id(), call.operator(), call.campaign(), call.clientId(),
                call.day()), scorecard, scoring, blankToNull(request.comment()), corrected, reviewer.username(), now);
        em.persist(review);
        em.flush();
        return review;
    }

    private Review corrected(Request request, Reviewer reviewer) {
        Review earlier = em.find(Review.class, request.corrects());
        if (earlier == null || earlier.getCallId() != request.callId()) {
            throw ProblemException.invalid("corrects", "is not a review of call " + request.callId());
        }
        if (reviewer.clientScope() != null && !earlier.getReviewer().equals(reviewer.username())) {
            throw ProblemException.forbidden("A client's reviewer corrects only their own reviews; review "
                    + earlier.getId() + " is " + earlier.getReviewer() + "'s");
        }
        List<Long> later = em.createQuery("SELECT r.id FROM Review r WHERE r.corrects = :id", Long.class)
                .setParameter("id", earlier.getId()).getResultList();
        if (!later.isEmpty()) {
            throw ProblemException.conflict("Review " + earlier.getId() + " was already corrected by review "
                    + later.get(0) + "; correct that one instead", Map.of("id", later.get(0)));
        }
        return earlier;
    }

    /** One review, if the scope (null: every client) covers its call. */
    public Review visible(long id, Long clientScope) {
        Review review = em.find(Review.class, id);
        if (review == null || (clientScope != null && !clientScope.equals(review.getClientId()))) {
            throw ProblemException.notFound("There is no review " + id);
        }
        return review;
    }

    public Page<Review> list(Filter filter, Long clientScope, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (clientScope != null) {
            where.append(" AND r.clientId = :scope");
            params.put("scope", clientScope);
        }
        if (filter.callId() != null) {
            where.append(" AND r.callId = :callId");
            params.put("callId", filter.callId());
        }
        if (filter.from() != null) {
            where.append(" AND r.day >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND r.day <= :to");
            params.put("to", filter.to());
        }
        if (filter.operator() != null && !filter.operator().isBlank()) {
            where.append(" AND r.operator = :operator");
            params.put("operator", filter.operator().trim());
        }
        return Queries.page(em, Review.class, "Review", "r", where, params, page);
    }

    /** For each of the given reviews that has been corrected, the review that corrects it. */
    public Map<Long, Long> correctedBy(Collection<Long> ids) {
        Map<Long, Long> corrections = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT r.corrects, r.id FROM Review r WHERE r.corrects IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> corrections.put((Long) row[0], (Long) row[1]));
        }
        return corrections;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
