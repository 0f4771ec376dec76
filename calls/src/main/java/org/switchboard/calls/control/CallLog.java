package org.switchboard.calls.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
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
        return Queries.page(em, Call.class, "Call", "c", where, params, page);
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
