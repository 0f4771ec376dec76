package org.switchboard.core.campaigns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.core.campaigns.boundary.CampaignsResource.CampaignInput;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.events.SettingsChanged;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.core.security.Caller;
import org.switchboard.core.settings.control.ThresholdVersions;

/** Creating and changing campaigns with the rules that need the database: client, code, operators, numbers. */
@ApplicationScoped
public class CampaignBook {

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    Caller caller;

    @Inject
    Event<SettingsChanged> thresholdsChanged;

    @Inject
    ThresholdVersions thresholds;

    public Campaign create(CampaignInput input) {
        if (em.find(Client.class, input.clientId()) == null) {
            throw ProblemException.invalid("clientId", "names no client: there is no client " + input.clientId());
        }
        campaigns.byCode(input.code()).ifPresent(existing -> {
            throw ProblemException.conflict("Campaign code '" + existing.getCode() + "' is taken",
                    Map.of("id", existing.getId(), "href", "/api/campaigns/" + existing.getId()));
        });
        Campaign campaign = new Campaign(Campaigns.normalizeCode(input.code()), input.type(), input.clientId(), Instant.now());
        describe(campaign, input);
        campaign.override(input.minTalkSeconds(), input.longCallSeconds());
        em.persist(campaign);
        thresholds.startCampaign(campaign);
        em.flush();
        return campaign;
    }

    public Campaign update(long id, CampaignInput input) {
        Campaign campaign = visible(id);
        ProblemException.requireVersion("Campaign " + campaign.getCode(), input.version(), campaign.getVersion());
        if (!Campaigns.normalizeCode(input.code()).equals(campaign.getCode())) {
            throw ProblemException.invalid("code", "cannot change: records and the PBX refer to it");
        }
        if (input.type() != campaign.getType()) {
            throw ProblemException.invalid("type", "cannot change; create another campaign");
        }
        if (!input.clientId().equals(campaign.getClientId())) {
            throw ProblemException.invalid("clientId", "cannot change; create another campaign");
        }
        describe(campaign, input);
        em.flush();
        LocalDate validFrom = input.thresholdsValidFrom() != null ? input.thresholdsValidFrom() : thresholds.today();
        if (thresholds.changeCampaign(campaign, input.minTalkSeconds(), input.longCallSeconds(), validFrom,
                input.thresholdsReason())) {
            em.flush();
            thresholdsChanged.fire(new SettingsChanged(campaign.getCode(), false));
        }
        return campaign;
    }

    /**
     * Sets a campaign's contract thresholds from a day on (null: today): a new version, trail entries, and the
     * campaign's overrides in force today. Nothing happens when they equal those in force that day.
     */
    public Campaign setThresholds(long id, int minTalkSeconds, int longCallSeconds, LocalDate validFrom, String reason) {
        Campaign campaign = visible(id);
        if (longCallSeconds <= minTalkSeconds) {
            throw ProblemException.invalid("longCallSeconds", "must be greater than minTalkSeconds");
        }
        if (thresholds.changeCampaign(campaign, minTalkSeconds, longCallSeconds,
                validFrom != null ? validFrom : thresholds.today(), reason)) {
            em.flush();
            thresholdsChanged.fire(new SettingsChanged(campaign.getCode(), false));
        }
        return campaign;
    }

    void describe(Campaign campaign, CampaignInput input) {
        List<Problem.Violation> problems = new ArrayList<>();
        Set<String> operators = new TreeSet<>();
        List<String> names = input.operators() == null ? List.of() : input.operators();
        for (int i = 0; i < names.size(); i++) {
            String username = names.get(i) == null ? "" : names.get(i).trim().toLowerCase(Locale.ROOT);
            boolean operator = em.createQuery("SELECT u FROM User u WHERE u.username = :u", User.class)
                    .setParameter("u", username).getResultStream().anyMatch(u -> u.has(Role.OPERATOR) && u.canLogIn());
            if (!operator) {
                problems.add(new Problem.Violation("operators[" + i + "]", "names no active operator: '" + names.get(i) + "'"));
            }
            operators.add(username);
        }
        Set<String> numbers = new TreeSet<>();
        List<String> written = input.numbers() == null ? List.of() : input.numbers();
        for (int i = 0; i < written.size(); i++) {
            String field = "numbers[" + i + "]";
            try {
                String e164 = PhoneNumbers.toE164(written.get(i));
                campaigns.byNumber(e164).filter(other -> !other.getId().equals(campaign.getId())).ifPresent(other ->
                        problems.add(new Problem.Violation(field, e164 + " already leads to campaign " + other.getCode())));
                numbers.add(e164);
            } catch (PhoneNumbers.InvalidNumber e) {
                problems.add(new Problem.Violation("numbers[" + i + "]", e.getMessage()));
            }
        }
        try {
            Campaign.requireOverrides(input.minTalkSeconds(), input.longCallSeconds());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem.Violation("longCallSeconds", "must be greater than minTalkSeconds"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            campaign.describe(input.name().trim(), input.startsOn(), input.endsOn(), input.active() == null || input.active());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("endsOn", e.getMessage());
        }
        campaign.staff(operators, numbers);
    }

    /** A campaign the caller may see; another client's answers 404. */
    public Campaign visible(long id) {
        Campaign campaign = campaigns.byId(id)
                .filter(c -> caller.maySeeClient(c.getClientId()))
                .orElseThrow(() -> ProblemException.notFound("There is no campaign " + id));
        return campaign;
    }
}
