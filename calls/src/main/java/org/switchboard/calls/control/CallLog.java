package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularWriter;

/** Finding calls, and who may see which: a CLIENT only its client's, an operator only their own. */
@ApplicationScoped
public class CallLog {

    public static final Map<String, String> SORTABLE = Map.of("startedAt", "startedAt", "talkSeconds", "talkSeconds",
            "operator", "operator", "campaign", "campaign");

    @PersistenceContext
    EntityManager em;

    @Inject
    CallCentre callCentre;

    /** Who is asking: a client scope, and an operator who may see only their own calls. */
    public record Viewer(Long clientScope, String onlyOperator) {
    }

    /** Filters of the call list; dates are call-centre days, inclusive. */
    public record Filter(String operator, LocalDate from, LocalDate to, String campaign, Call.Direction direction,
            Cdr.Disposition disposition, Integer minTalk, Integer maxTalk, Boolean hasRecording, Long contactId) {
    }

    public Call visible(long id, Viewer viewer) {
        Call call = em.find(Call.class, id);
        if (call == null || (viewer.clientScope() != null && !viewer.clientScope().equals(call.getClientId()))
                || (viewer.onlyOperator() != null && !viewer.onlyOperator().equals(call.getOperator()))) {
            throw ProblemException.notFound("There is no call " + id);
        }
        return call;
    }

    public Page<Call> list(Filter f, Viewer viewer, PageRequest page) {
        Criteria criteria = criteria(f, viewer);
        return Queries.page(em, Call.class, "Call", "c", new StringBuilder(criteria.where()), criteria.params(), page);
    }

    /**
     * Streams every call {@link #list} finds for the same filters and viewer into the writer, newest first, in pages of
     * {@value #EXPORT_PAGE} read by keyset (start, id) so memory stays flat however many calls match. Called from the
     * response's StreamingOutput: the read runs in its own transaction while the file is written.
     */
    @Transactional
    public void export(Filter f, Viewer viewer, TabularWriter writer) throws IOException {
        Criteria criteria = criteria(f, viewer);
        Instant lastStart = null;
        long lastId = 0;
        while (true) {
            String after = lastStart == null ? ""
                    : " AND (c.startedAt < :lastStart OR (c.startedAt = :lastStart AND c.id < :lastId))";
            TypedQuery<Call> query = em.createQuery("SELECT c FROM Call c" + criteria.where() + after
                    + " ORDER BY c.startedAt DESC, c.id DESC", Call.class)
                    .setHint("org.hibernate.readOnly", true)
                    .setMaxResults(EXPORT_PAGE);
            criteria.params().forEach(query::setParameter);
            if (lastStart != null) {
                query.setParameter("lastStart", lastStart).setParameter("lastId", lastId);
            }
            List<Call> page = query.getResultList();
            for (Call c : page) {
                writer.row(Arrays.asList(c.getId(), c.getStartedAt(), c.getDirection().name(), c.getOperator(),
                        c.getExtension(), c.getCustomerNumber(), c.getCampaign(), c.getDisposition().asterisk(),
                        c.getTalkSeconds(), c.getDurationSeconds(), c.getOutcome(), c.getRecordingFile() != null));
            }
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            Call last = page.get(page.size() - 1);
            lastStart = last.getStartedAt();
            lastId = last.getId();
            em.clear();
        }
    }

    public static final List<String> EXPORT_COLUMNS = List.of("id", "started_at", "direction", "operator", "extension",
            "number", "campaign", "disposition", "talk_seconds", "duration_seconds", "outcome", "recorded");
    static final int EXPORT_PAGE = 1000;

    /** The WHERE clause (from " WHERE") and its parameters for a filter seen by a viewer. */
    record Criteria(String where, Map<String, Object> params) {
    }

    /** Checks the filter (a bad value is a 400 before any response starts) and builds its criteria. */
    public void check(Filter f, Viewer viewer) {
        criteria(f, viewer);
    }

    private Criteria criteria(Filter f, Viewer viewer) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (viewer.clientScope() != null) {
            where.append(" AND c.clientId = :scope");
            params.put("scope", viewer.clientScope());
        }
        if (viewer.onlyOperator() != null) {
            where.append(" AND c.operator = :me");
            params.put("me", viewer.onlyOperator());
        }
        if (f.operator() != null && !f.operator().isBlank()) {
            where.append(" AND c.operator = :operator");
            params.put("operator", f.operator().trim().toLowerCase(Locale.ROOT));
        }
        if (f.from() != null) {
            where.append(" AND c.startedAt >= :from");
            params.put("from", callCentre.startOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND c.startedAt < :to");
            params.put("to", callCentre.startOf(f.to().plusDays(1)));
        }
        if (f.campaign() != null && !f.campaign().isBlank()) {
            where.append(" AND c.campaign = :campaign");
            params.put("campaign", Campaigns.normalizeCode(f.campaign()));
        }
        if (f.direction() != null) {
            where.append(" AND c.direction = :direction");
            params.put("direction", f.direction());
        }
        if (f.disposition() != null) {
            where.append(" AND c.disposition = :disposition");
            params.put("disposition", f.disposition());
        }
        if (f.minTalk() != null) {
            where.append(" AND c.talkSeconds >= :minTalk");
            params.put("minTalk", f.minTalk());
        }
        if (f.maxTalk() != null) {
            where.append(" AND c.talkSeconds <= :maxTalk");
            params.put("maxTalk", f.maxTalk());
        }
        if (f.hasRecording() != null) {
            where.append(f.hasRecording() ? " AND c.recordingFile IS NOT NULL" : " AND c.recordingFile IS NULL");
        }
        if (f.contactId() != null) {
            where.append(" AND c.contactId = :contact");
            params.put("contact", f.contactId());
        }
        return new Criteria(where.toString(), params);
    }

    public List<Call> byUniqueid(String uniqueid) {
        return em.createQuery("SELECT c FROM Call c WHERE c.uniqueid = :u ORDER BY c.sequence, c.id", Call.class)
                .setParameter("u", uniqueid).getResultList();
    }

    public List<Listen> listens(long callId) {
        return em.createQuery("SELECT l FROM Listen l WHERE l.callId = :c ORDER BY l.at DESC, l.id DESC", Listen.class)
                .setParameter("c", callId).getResultList();
    }
}
