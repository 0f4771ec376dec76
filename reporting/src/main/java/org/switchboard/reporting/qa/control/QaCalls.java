package org.switchboard.reporting.qa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.switchboard.reporting.control.RollupStore;

/**
 * Reads the calls quality review works on from reporting's read model ({@code reporting_call}, {@code reporting_lead}),
 * with the talk threshold in force for each and whether a lead or a review names it. A client scope, when given,
 * limits every read to that client's calls.
 */
@ApplicationScoped
public class QaCalls {

    private static final String SELECT = "SELECT c.id, c.operator, c.extension, c.started_at, c.work_day, c.answered,"
            + " c.talk_seconds, " + RollupStore.CAMPAIGN_MIN + ", c.recorded, c.campaign_code, c.client_id, c.outcome,"
            + " CASE WHEN EXISTS (SELECT 1 FROM reporting_lead l WHERE l.call_id = c.id)"
            + " OR EXISTS (SELECT 1 FROM reporting_lead l WHERE l.call_uniqueid = c.uniqueid) THEN 1 ELSE 0 END,"
            + " CASE WHEN EXISTS (SELECT 1 FROM reporting_qa_review r WHERE r.call_id = c.id) THEN 1 ELSE 0 END"
            + " FROM reporting_call c LEFT JOIN core_campaign k ON k.code = c.campaign_code"
            + " CROSS JOIN core_settings s WHERE s.id = 1";

    @PersistenceContext
    EntityManager em;

    protected QaCalls() {
    }

    /** For use outside a container, e.g. over a Hibernate session in tests. */
    public QaCalls(EntityManager em) {
        this.em = em;
    }

    /** One call, if reporting knows it and the scope (null: every client) covers it. */
    public Optional<QaCall> find(long id, Long clientScope) {
        Query query = em.createNativeQuery(SELECT + " AND c.id = :id" + scope(clientScope)).setParameter("id", id);
        if (clientScope != null) {
            query.setParameter("scope", clientScope);
        }
        return rows(query).stream().findFirst();
    }

    /**
     * The day's calls a sample may take: counted calls with a recording of a known operator. {@link Sampling}
     * applies the same rule again; this query only keeps the rest of the day out of memory.
     */
    public List<QaCall> sampleable(LocalDate day, Long clientScope) {
        Query query = em.createNativeQuery(SELECT + " AND c.work_day = :day AND c.operator IS NOT NULL"
                + " AND c.recorded = TRUE AND c.answered = TRUE AND c.talk_seconds > 0"
                + " AND c.talk_seconds >= " + RollupStore.CAMPAIGN_MIN + scope(clientScope))
                .setParameter("day", day);
        if (clientScope != null) {
            query.setParameter("scope", clientScope);
        }
        return rows(query);
    }

    private static String scope(Long clientScope) {
        return clientScope == null ? "" : " AND c.client_id = :scope";
    }

    private static List<QaCall> rows(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new QaCall(number(r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3]),
                date(r[4]), bool(r[5]), number(r[6]).intValue(), number(r[7]).intValue(), bool(r[8]), (String) r[9],
                r[10] == null ? null : number(r[10]).longValue(), (String) r[11], number(r[12]).intValue() == 1,
                number(r[13]).intValue() == 1)).toList();
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** Native queries hand timestamps with time zone back in the driver's own type. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
