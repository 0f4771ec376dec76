package org.switchboard.core.campaigns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;

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

    /**
     * Refuses (403) to let an operator attribute a record to a campaign they are not assigned to: the campaign
     * decides which client sees the record, so an operator could otherwise hand their work to any client. Supervisors
     * and admins attribute to any campaign.
     */
    public void requireAssigned(Campaign campaign, Caller caller) {
        if (caller.isOnlyOperator() && !campaign.getOperators().contains(caller.username())) {
            throw ProblemException.forbidden("You are not assigned to campaign " + campaign.getCode()
                    + "; you may only attribute calls, leads, contacts and e-mails to your own campaigns"
                    + " (a supervisor assigns operators in the campaign's operators)");
        }
    }

    public List<String> codesOfClient(long clientId) {
        return em.createQuery("SELECT c.code FROM Campaign c WHERE c.clientId = :client", String.class)
                .setParameter("client", clientId).getResultList();
    }
}
