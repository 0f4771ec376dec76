package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/** One-time offer codes: looked up, and redeemed at most once while still valid. */
@ApplicationScoped
public class Offers {

    /** What a redemption did: the offer with its code, and who redeemed it when. */
    public record Redeemed(Offer offer, Instant at, String by) {
    }

    /**
     * The one statement that redeems: it only touches a code nobody redeemed yet, so of two redemptions racing for
     * the same code the database lets exactly one change the row, and the other sees 0 rows.
     */
    public static final String REDEEM_SQL =
            "UPDATE aftersales_offer SET redeemed_at = ?, redeemed_by = ? WHERE code = ? AND redeemed_at IS NULL";

    @PersistenceContext
    EntityManager em;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    public Offer find(String code) {
        Offer offer = null;
        if (code != null && !code.isBlank() && code.trim().length() <= 20) {
            // codes are read out over the phone, so a code typed in lower case still finds its offer
            offer = em.find(Offer.class, code.trim());
            if (offer == null) {
                offer = em.find(Offer.class, code.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (offer == null) {
            throw ProblemException.notFound("There is no offer with code '" + code + "'");
        }
        return offer;
    }

    /**
     * The offer with this code, checked to belong to a call-list entry: the offer of a task made for that entry. 404
     * otherwise, as for an unknown code, so that codes cannot be tried out on an entry.
     */
    public Offer onEntry(String code, long entryId) {
        Offer offer;
        try {
            offer = find(code);
        } catch (ProblemException unknown) {
            throw notOnEntry(code, entryId);
        }
        Task task = em.find(Task.class, offer.getTaskId());
        if (task == null || task.getEntryId() == null || task.getEntryId() != entryId) {
            throw notOnEntry(code, entryId);
        }
        return offer;
    }

    private static ProblemException notOnEntry(String code, long entryId) {
        return ProblemException.notFound("Entry " + entryId + " has no offer with code '" + code + "'");
    }

    public Map<String, Offer> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT o FROM Offer o WHERE o.code IN :codes", Offer.class).setParameter("codes", codes)
                .getResultStream().collect(Collectors.toMap(Offer::getCode, o -> o));
    }

    public Redeemed redeem(String code, String by) {
        Offer offer = find(code);
        if (offer.getRedeemedAt() != null) {
            throw alreadyRedeemed(offer.getCode(), offer.getRedeemedAt(), offer.getRedeemedBy());
        }
        Instant now = clock.now();
        LocalDate today = now.atZone(callCentre.zone()).toLocalDate();
        if (today.isAfter(offer.getValidUntil())) {
            throw ProblemException.conflict("Offer " + offer.getCode() + " expired: it was valid until "
                    + offer.getValidUntil() + " and cannot be redeemed any more");
        }
        int changed = em.createNativeQuery(REDEEM_SQL).setParameter(1, now).setParameter(2, by)
                .setParameter(3, offer.getCode()).executeUpdate();
        if (changed == 0) {
            throw alreadyRedeemed(offer.getCode(), null, null);
        }
        em.refresh(offer);
        return new Redeemed(offer, now, by);
    }

    private static ProblemException alreadyRedeemed(String code, Instant at, String by) {
        return ProblemException.conflict("Offer " + code + " was already redeemed"
                + (at == null ? " a moment ago" : " at " + at + (by == null ? "" : " by " + by))
                + "; a code is redeemed only once");
    }
}
