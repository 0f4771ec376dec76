package org.switchboard.reporting.qa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.reporting.qa.entity.Verdict;

/**
 * The QA report: per operator, the reviews of calls made in a period (call-centre days), their average score and how
 * many were good or bad. A review that was corrected counts only through its last correction.
 */
@ApplicationScoped
public class QaFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @PersistenceContext
    EntityManager em;


    protected QaFigures() {
    }

    public QaFigures(EntityManager em) {
        this.em = em;
    }

    /** Which reviews count: calls of days {@code from}–{@code to}; the other fields narrow it when set. */
    public record Filter(LocalDate from, LocalDate to, String operator, String campaign, Long clientId) {
    }

    /** Sums over some reviews; a report row is made from them. */
    public record Tally(String operator, long reviews, BigDecimal scoreSum, long good) {

        public Tally plus(Tally other) {
            return new Tally(operator, reviews + other.reviews, scoreSum.add(other.scoreSum), good + other.good);
        }

        /** Average score and shares in percent, each with one decimal (half up); zero reviews give zeros. */
        public Row row() {
            long bad = reviews - good;
            return new Row(operator, reviews, ratio(scoreSum, reviews, BigDecimal.ONE), good, bad,
                    ratio(BigDecimal.valueOf(good), reviews, HUNDRED), ratio(BigDecimal.valueOf(bad), reviews, HUNDRED));
        }

        private static BigDecimal ratio(BigDecimal part, long whole, BigDecimal scale) {
            if (whole == 0) {
                return BigDecimal.ZERO.setScale(1);
            }
            return part.multiply(scale).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    public record Row(String operator, long reviews, BigDecimal averageScore, long good, long bad,
            BigDecimal goodShare, BigDecimal badShare) {
    }

    /** One tally per operator with reviews, in operator order. */
    public List<Tally> perOperator(Filter filter) {
        StringBuilder jpql = new StringBuilder("SELECT r.operator, COUNT(r), SUM(r.score),"
                + " SUM(CASE WHEN r.verdict = :good THEN 1 ELSE 0 END) FROM Review r"
                + " WHERE r.day >= :from AND r.day <= :to"
                + " AND NOT EXISTS (SELECT c.id FROM Review c WHERE c.corrects = r.id)");
        if (filter.operator() != null) {
            jpql.append(" AND r.operator = :operator");
        }
        if (filter.campaign() != null) {
            jpql.append(" AND r.campaign = :campaign");
        }
        if (filter.clientId() != null) {
            jpql.append(" AND r.clientId = :client");
        }
        jpql.append(" GROUP BY r.operator ORDER BY r.operator");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("good", Verdict.GOOD).setParameter("from", filter.from()).setParameter("to", filter.to());
        if (filter.operator() != null) {
            query.setParameter("operator", filter.operator());
        }
        if (filter.campaign() != null) {
            query.setParameter("campaign", filter.campaign());
        }
        if (filter.clientId() != null) {
            query.setParameter("client", filter.clientId());
        }
        return query.getResultList().stream().map(r -> new Tally((String) r[0], ((Number) r[1]).longValue(),
                r[2] instanceof BigDecimal b ? b : new BigDecimal(r[2].toString()), ((Number) r[3]).longValue()))
                .toList();
    }

    /** All the tallies together, named {@code label}. */
    public static Tally total(List<Tally> tallies, String label) {
        return tallies.stream().reduce(new Tally(label, 0, BigDecimal.ZERO, 0), Tally::plus);
    }
}
