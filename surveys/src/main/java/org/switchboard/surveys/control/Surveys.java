package org.switchboard.surveys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.time.AppClock;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;

/**
 * Writing surveys: a new survey starts as draft version 1; editing rewrites the draft, or — when the latest version
 * is published (live, perhaps with answers) — starts the next version, so nothing changes under given answers.
 * Publishing makes the draft the live version new interviews are given on.
 */
@ApplicationScoped
public class Surveys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    AppClock clock;

    /** A survey as written: title, intro for the operator, the SURVEY campaign that runs it, the questionnaire. */
    public record Draft(String title, String intro, String campaign, Questionnaire questionnaire) {
    }

    public Survey create(Draft draft, String by) {
        String campaign = check(draft);
        Survey survey = new Survey(draft.title(), campaign, by, clock.now());
        em.persist(survey);
        em.flush();
        em.persist(new SurveyVersion(survey.getId(), 1, draft.intro(), Definitions.write(draft.questionnaire()), clock.now()));
        em.flush();
        return survey;
    }

    public SurveyVersion update(Survey survey, Draft draft) {
        String campaign = check(draft);
        // every edit moves the survey's version, so a second editor who read the old one gets a 409
        em.lock(survey, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        survey.describe(draft.title(), campaign);
        SurveyVersion latest = latest(survey.getId());
        String definition = Definitions.write(draft.questionnaire());
        if (latest.getState() == SurveyVersion.State.DRAFT) {
            latest.rewrite(draft.intro(), definition);
        } else {
            latest = new SurveyVersion(survey.getId(), latest.getNumber() + 1, draft.intro(), definition, clock.now());
            em.persist(latest);
        }
        em.flush();
        return latest;
    }

    public SurveyVersion publish(Survey survey) {
        em.lock(survey, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        SurveyVersion latest = latest(survey.getId());
        if (latest.getState() != SurveyVersion.State.DRAFT) {
            throw ProblemException.conflict("Version " + latest.getNumber() + " of survey " + survey.getId()
                    + " is live already; edit the survey to start the next version");
        }
        List<Problem.Violation> problems = Definitions.read(latest.getDefinition()).problems();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        latest.publish(clock.now());
        em.flush();
        return latest;
    }

    /** Checks the draft; returns the campaign's code as stored. */
    private String check(Draft draft) {
        List<Problem.Violation> problems = new ArrayList<>();
        if (draft.title() == null || draft.title().isBlank()) {
            problems.add(new Problem.Violation("title", "is required"));
        } else if (draft.title().length() > 300) {
            problems.add(new Problem.Violation("title", "must be at most 300 characters long"));
        }
        if (draft.intro() != null && draft.intro().length() > 20000) {
            problems.add(new Problem.Violation("intro", "must be at most 20000 characters long"));
        }
        String campaign = null;
        if (draft.campaign() != null && !draft.campaign().isBlank()) {
            Optional<Campaign> found = campaigns.byCode(draft.campaign());
            if (found.isEmpty()) {
                problems.add(new Problem.Violation("campaign", "names no campaign: '" + draft.campaign() + "'"));
            } else if (found.get().getType() != CampaignType.SURVEY) {
                problems.add(new Problem.Violation("campaign", "is " + found.get().getType() + "; a survey runs on a SURVEY campaign"));
            } else {
                campaign = found.get().getCode();
            }
        }
        problems.addAll(draft.questionnaire().problems());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return campaign;
    }

    public Survey find(long id, Long clientScope) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null || (clientScope != null && (survey.getCampaign() == null
                || !campaigns.byCode(survey.getCampaign()).map(c -> clientScope.equals(c.getClientId())).orElse(false)))) {
            throw ProblemException.notFound("There is no survey " + id);
        }
        return survey;
    }

    public SurveyVersion latest(long surveyId) {
        return em.createQuery("SELECT v FROM SurveyVersion v WHERE v.surveyId = :s ORDER BY v.number DESC",
                SurveyVersion.class).setParameter("s", surveyId).setMaxResults(1).getSingleResult();
    }

    /** Version {@code number} of a survey; 404 when it has none. */
    public SurveyVersion version(long surveyId, int number) {
        return em.createQuery("SELECT v FROM SurveyVersion v WHERE v.surveyId = :s AND v.number = :n", SurveyVersion.class)
                .setParameter("s", surveyId).setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Survey " + surveyId + " has no version " + number));
    }

    /** The version new interviews are given on: the latest published one. */
    public Optional<SurveyVersion> live(long surveyId) {
        return em.createQuery("SELECT v FROM SurveyVersion v WHERE v.surveyId = :s AND v.state = :published"
                + " ORDER BY v.number DESC", SurveyVersion.class).setParameter("s", surveyId)
                .setParameter("published", SurveyVersion.State.PUBLISHED).setMaxResults(1).getResultStream().findFirst();
    }

    public List<SurveyVersion> versions(long surveyId) {
        return em.createQuery("SELECT v FROM SurveyVersion v WHERE v.surveyId = :s ORDER BY v.number", SurveyVersion.class)
                .setParameter("s", surveyId).getResultList();
    }

    public long responses(long versionId) {
        return em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.versionId = :v", Long.class)
                .setParameter("v", versionId).getSingleResult();
    }

    /** Completed interviews of every version of a survey, as its results count them. */
    public long completes(long surveyId) {
        return em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.surveyId = :s AND r.state = :complete", Long.class)
                .setParameter("s", surveyId).setParameter("complete", org.switchboard.surveys.entity.Response.State.COMPLETE)
                .getSingleResult();
    }

    public Page<Survey> list(String campaign, Long clientScope, PageRequest page) {
        String where = " WHERE 1 = 1" + (campaign == null ? "" : " AND s.campaign = :campaign")
                + (clientScope == null ? "" : " AND s.campaign IN (SELECT k.code FROM Campaign k WHERE k.clientId = :client)");
        var count = em.createQuery("SELECT COUNT(s) FROM Survey s" + where, Long.class);
        var items = em.createQuery("SELECT s FROM Survey s" + where + " ORDER BY s.id DESC", Survey.class);
        if (campaign != null) {
            count.setParameter("campaign", Campaigns.normalizeCode(campaign));
            items.setParameter("campaign", Campaigns.normalizeCode(campaign));
        }
        if (clientScope != null) {
            count.setParameter("client", clientScope);
            items.setParameter("client", clientScope);
        }
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult(), page.page(), page.size());
    }

    /** The surveys a campaign runs. */
    public List<Survey> ofCampaign(String campaignCode) {
        return em.createQuery("SELECT s FROM Survey s WHERE s.campaign = :c", Survey.class).setParameter("c", campaignCode)
                .getResultList();
    }
}
