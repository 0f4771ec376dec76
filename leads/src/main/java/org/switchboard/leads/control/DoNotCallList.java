package org.switchboard.leads.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.calling.CallPermissions;
import org.switchboard.leads.entity.DncEntry;

/**
 * The do-not-call lists: one global, one per client. Adding a number that is already on the list in that
 * scope changes nothing, so a repeated request or import is harmless. This is the module's answer to
 * core's {@link CallPermissions}.
 */
@ApplicationScoped
public class DoNotCallList implements CallPermissions {

    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "number", "number");

    @PersistenceContext
    EntityManager em;

    /** The entry now on the list and whether this call put it there. */
    public record Added(DncEntry entry, boolean created) {
    }

    public Added add(String e164, Long clientId, String reason, Long contactId, String username) {
        Optional<DncEntry> existing = entry(e164, clientId);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        DncEntry entry = new DncEntry(e164, clientId, reason, contactId, username, Instant.now());
        em.persist(entry);
        em.flush();
        return new Added(entry, true);
    }

    public Optional<DncEntry> entry(String e164, Long clientId) {
        return em.createQuery("SELECT d FROM DncEntry d WHERE d.number = :n AND d.scope = :s", DncEntry.class)
                .setParameter("n", e164).setParameter("s", DncEntry.scopeOf(clientId))
                .getResultStream().findFirst();
    }

    public Optional<DncEntry> find(long id) {
        return Optional.ofNullable(em.find(DncEntry.class, id));
    }

    public void remove(DncEntry entry) {
        em.remove(entry);
        em.flush();
    }

    @Override
    public boolean mayCall(String e164Number, Long clientId) {
        return em.createQuery("SELECT COUNT(d) FROM DncEntry d WHERE d.number = :n AND (d.scope = :global"
                + " OR d.scope = :client)", Long.class)
                .setParameter("n", e164Number).setParameter("global", DncEntry.GLOBAL)
                .setParameter("client", DncEntry.scopeOf(clientId))
                .getSingleResult() == 0;
    }

    public List<DncEntry> entriesFor(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT d FROM DncEntry d WHERE d.number IN :n ORDER BY d.createdAt", DncEntry.class)
                .setParameter("n", numbers).getResultList();
    }

    /** @param clientScope for a CLIENT user: only its client's entries */
    public Page<DncEntry> list(String e164, Long clientId, Long clientScope, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (e164 != null) {
            where.append(" AND d.number = :n");
            params.put("n", e164);
        }
        if (clientId != null) {
            where.append(" AND d.clientId = :client");
            params.put("client", clientId);
        }
        if (clientScope != null) {
            where.append(" AND d.clientId = :scope");
            params.put("scope", clientScope);
        }
        return Queries.page(em, DncEntry.class, "DncEntry", "d", where, params, page);
    }
}
