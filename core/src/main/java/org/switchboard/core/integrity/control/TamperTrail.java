package org.switchboard.core.integrity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.audit.control.RevisionAuthor;
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.entity.TamperEntry;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.core.time.AppClock;

/**
 * The tamper trail: modules {@link #record} every manual change that touches evidence or the figures, in the changing
 * transaction (so a change and its entry are kept or lost together); the client reads it for its own campaigns.
 */
@ApplicationScoped
public class TamperTrail {

    public static final Map<String, String> SORTABLE = Map.of("at", "at", "kind", "kind", "operator", "operator",
            "campaign", "campaign");
    public static final List<String> EXPORT_COLUMNS = List.of("id", "at", "by", "kind", "subject", "subject_id",
            "campaign", "operator", "field", "before", "after", "reason");

    @PersistenceContext
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    CallCentre callCentre;

    /** Keeps a change, stamped with the caller's name (or the user a background job acts for) and the server's time. */
    public void record(Tamper change) {
        record(change, RevisionAuthor.current());
    }

    public void record(Tamper change, String by) {
        em.persist(new TamperEntry(change, by == null ? RevisionAuthor.SYSTEM : by, clock.now()));
    }

    public void recordAll(List<Tamper> changes) {
        String by = RevisionAuthor.current();
        changes.forEach(c -> record(c, by));
    }

    /**
     * Filters of the trail; days are call-centre days, inclusive. {@code clientScope}: a CLIENT sees its own client's
     * entries and the centre-wide ones (thresholds, extensions), which touch its figures too. {@code campaign}: that
     * campaign's entries and the centre-wide ones, for the same reason.
     */
    public record Filter(LocalDate from, LocalDate to, String campaign, String operator, TamperKind kind, Long clientScope) {
    }

    public Page<TamperEntry> list(Filter f, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        return Queries.page(em, TamperEntry.class, "TamperEntry", "t", where(f, params), params, page);
    }

    /** Writes every entry the filter selects, newest first, in pages so memory stays flat. */
    public void export(Filter f, TabularWriter writer) throws IOException {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        int pageSize = 1000;
        for (int first = 0;; first += pageSize) {
            var query = em.createQuery("SELECT t FROM TamperEntry t" + where + " ORDER BY t.at DESC, t.id DESC",
                    TamperEntry.class).setFirstResult(first).setMaxResults(pageSize);
            params.forEach(query::setParameter);
            List<TamperEntry> rows = query.getResultList();
            for (TamperEntry t : rows) {
                writer.row(Arrays.asList(t.getId(), t.getAt(), t.getBy(), t.getKind().name(), t.getSubject(),
                        t.getSubjectId(), t.getCampaign(), t.getOperator(), t.getField(), t.getBefore(), t.getAfter(),
                        t.getReason()));
            }
            if (rows.size() < pageSize) {
                return;
            }
            em.clear();
        }
    }

    private String where(Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.from() != null) {
            where.append(" AND t.at >= :from");
            params.put("from", callCentre.startOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND t.at < :to");
            params.put("to", callCentre.startOf(f.to().plusDays(1)));
        }
        if (f.campaign() != null && !f.campaign().isBlank()) {
            // a campaign's figures also move with the centre-wide changes (thresholds, extensions, plans)
            where.append(" AND (t.campaign = :campaign OR (t.campaign IS NULL AND t.clientId IS NULL))");
            params.put("campaign", f.campaign().trim().toUpperCase(Locale.ROOT));
        }
        if (f.operator() != null && !f.operator().isBlank()) {
            where.append(" AND t.operator = :operator");
            params.put("operator", f.operator().trim().toLowerCase(Locale.ROOT));
        }
        if (f.kind() != null) {
            where.append(" AND t.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.clientScope() != null) {
            where.append(" AND (t.clientId = :scope OR t.clientId IS NULL)");
            params.put("scope", f.clientScope());
        }
        return where.toString();
    }

    /** The entries about one subject (e.g. a lead's), oldest first: the history shown beside it. */
    public List<TamperEntry> about(String subject, String subjectId) {
        return em.createQuery("SELECT t FROM TamperEntry t WHERE t.subject = :s AND t.subjectId = :id ORDER BY t.at, t.id",
                TamperEntry.class).setParameter("s", subject).setParameter("id", subjectId).getResultList();
    }

    public Instant now() {
        return clock.now();
    }
}
