package org.switchboard.leads.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.switchboard.core.calling.LeadFactSource;
import org.switchboard.core.events.LeadChanged;
import org.switchboard.leads.entity.Lead;

/** Lends all stored leads, chunk by chunk, to a module rebuilding its copy. */
@ApplicationScoped
public class LeadFacts implements LeadFactSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public void forEach(int chunkSize, Consumer<List<LeadChanged>> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Lead> chunk = em.createQuery("SELECT l FROM Lead l WHERE l.id > :after ORDER BY l.id", Lead.class)
                    .setParameter("after", after).setMaxResults(chunkSize).setHint("org.hibernate.readOnly", true)
                    .getResultList();
            if (chunk.isEmpty()) {
                return;
            }
            Map<Long, List<String>> numbers = new HashMap<>();
            em.createQuery("SELECT l.id, n FROM Lead l JOIN l.numbers n WHERE l.id IN :ids", Object[].class)
                    .setParameter("ids", chunk.stream().map(Lead::getId).toList()).getResultList()
                    .forEach(row -> numbers.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
            sink.accept(chunk.stream().map(l -> new LeadChanged(l.getId(), l.getOperator(), l.getCampaign(),
                    l.getClientId(), l.getCreatedAt(), l.getCallId(), l.getCallUniqueid(), l.getEnteredAt(),
                    l.getEntry().name(), numbers.getOrDefault(l.getId(), List.of()))).toList());
            chunk.forEach(em::detach);
            if (chunk.size() < chunkSize) {
                return;
            }
            after = chunk.get(chunk.size() - 1).getId();
        }
    }
}
