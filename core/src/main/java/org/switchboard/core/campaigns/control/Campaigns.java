package org.switchboard.core.campaigns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.core.campaigns.entity.Campaign;

/** Looks campaigns up for every module: by code (as people and files name them) or by client. */
@ApplicationScoped
public class Campaigns {

    @PersistenceContext
    EntityManager em;

    public static String normalizeCode(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public Optional<Campaign> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM Campaign c WHERE c.code = :code", Campaign.class)
                .setParameter("code", normalizeCode(code))
                .getResultStream().findFirst();
    }

    public Optional<Campaign> byId(long id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    /** The campaign a dialled number (E.164) leads to. */
    public Optional<Campaign> byNumber(String e164) {
        return em.createQuery("SELECT c FROM Campaign c JOIN c.numbers n WHERE n = :n ORDER BY c.active DESC, c.id DESC",
                Campaign.class).setParameter("n", e164).setMaxResults(1).getResultStream().findFirst();
    }

    public List<String> codesOfClient(long clientId) {
        return em.createQuery("SELECT c.code FROM Campaign c WHERE c.clientId = :client", String.class)
                .setParameter("client", clientId).getResultList();
    }
}
