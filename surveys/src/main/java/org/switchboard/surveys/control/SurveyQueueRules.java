package org.switchboard.surveys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.calls.outbound.control.OfferVeto;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.leads.entity.Contact;
import org.switchboard.surveys.entity.Survey;

/** The queue of a SURVEY campaign offers no one its survey is closed for: surveyed already, or in a full quota. */
@ApplicationScoped
public class SurveyQueueRules implements OfferVeto {

    @Inject
    Surveys surveys;

    @Inject
    Interviews interviews;

    @Override
    public boolean vetoes(Campaign campaign, Contact contact) {
        if (campaign.getType() != CampaignType.SURVEY) {
            return false;
        }
        for (Survey survey : surveys.ofCampaign(campaign.getCode())) {
            if (interviews.closedFor(survey, contact)) {
                return true;
            }
        }
        return false;
    }
}
