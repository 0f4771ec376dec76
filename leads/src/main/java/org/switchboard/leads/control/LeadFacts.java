package org.switchboard.leads.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.core.calling.LeadFactSource;
import org.switchboard.core.events.LeadChanged;

/** Lends all stored leads, chunk by chunk, to a module rebuilding its copy. */
@ApplicationScoped
public class LeadFacts implements LeadFactSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public void forEach(int chunkSize, Consumer<List<LeadChanged>> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<LeadChanged> chunk = em.createQuery("SELECT new org.switchboard.core.events.LeadChanged(l.id, l.operator,"
                    + " l.campaign, l.clientId, l.createdAt, l.callId, l.callUniqueid) FROM Lead l WHERE l.id > :after"
                    + " ORDER BY l.id", LeadChanged.class).setParameter("after", after).setMaxResults(chunkSize)
                    .getResultList();
            if (chunk.isEmpty()) {
                return;
            }
            sink.accept(chunk);
            if (chunk.size() < chunkSize) {
                return;
            }
            after = chunk.get(chunk.size() - 1).leadId();
        }
    }
}
