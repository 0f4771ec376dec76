package org.switchboard.core.campaigns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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
        em.persist(campaign);
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
        Integer minTalk = campaign.getMinTalkSeconds();
        Integer longCall = campaign.getLongCallSeconds();
        describe(campaign, input);
        em.flush();
        if (!java.util.Objects.equals(minTalk, campaign.getMinTalkSeconds())
                || !java.util.Objects.equals(longCall, campaign.getLongCallSeconds())) {
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
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        try {
            campaign.describe(input.name().trim(), input.startsOn(), input.endsOn(), input.active() == null || input.active());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("endsOn", e.getMessage());
        }
        try {
            campaign.staff(operators, numbers, input.minTalkSeconds(), input.longCallSeconds());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("longCallSeconds", e.getMessage());
        }
    }

    /** A campaign the caller may see; another client's answers 404. */
    public Campaign visible(long id) {
        Campaign campaign = campaigns.byId(id)
                .filter(c -> caller.maySeeClient(c.getClientId()))
                .orElseThrow(() -> ProblemException.notFound("There is no campaign " + id));
        return campaign;
    }
}
