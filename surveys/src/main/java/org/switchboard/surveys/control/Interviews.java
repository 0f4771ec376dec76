package org.switchboard.surveys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;

/**
 * Running a survey on a call: an interview starts on the live version (or resumes the contact's unfinished one
 * where it stopped), takes each answer checked against its question, and goes on by the branching rules. Quotas:
 * a contact in a full attribute quota, or a survey at its target, ends at once with "quota full"; an answer that
 * puts the interview in a full answer quota ends it so; and completing re-counts the quotas under a lock on the
 * survey, so two interviews finishing together never overfill one.
 */
@ApplicationScoped
public class Interviews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Surveys surveys;

    @Inject
    AppClock clock;

    @Inject
    org.switchboard.core.campaigns.control.Campaigns campaigns;

    /** Where an interview stands: the question to ask, or how it ended. */
    public record Step(Response response, Questionnaire questionnaire, Questionnaire.Question next, boolean resumed) {

        public boolean complete() {
            return response.getState() != Response.State.IN_PROGRESS;
        }
    }

    public Step start(Survey survey, long contactId, Long entryId, String operator) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null || !contact.isActive()) {
            throw ProblemException.invalid("contactId", "names no active contact: " + contactId);
        }
        Optional<Response> open = em.createQuery("SELECT r FROM Response r WHERE r.surveyId = :s AND r.contactId = :c"
                + " AND r.state = :open", Response.class).setParameter("s", survey.getId()).setParameter("c", contactId)
                .setParameter("open", Response.State.IN_PROGRESS).getResultStream().findFirst();
        if (open.isPresent()) {
            Response response = open.get();
            response.resumedBy(operator, entryId);
            Questionnaire q = questionnaire(response);
            return new Step(response, q, q.question(response.getCurrentQuestion()), true);
        }
        SurveyVersion live = surveys.live(survey.getId()).orElseThrow(() -> ProblemException.conflict(
                "Survey " + survey.getId() + " has no published version yet; publish it first"));
        Questionnaire q = Definitions.read(live.getDefinition());
        Instant now = clock.now();
        Response response = new Response(survey.getId(), live.getId(), contactId, entryId, operator, q.first().code(), now);
        em.persist(response);
        em.flush();
        String full = fullQuotaBefore(survey, q, contact);
        if (full != null) {
            response.quotaFull(full, now);
            return new Step(response, q, null, false);
        }
        return new Step(response, q, q.first(), false);
    }

    public Step answer(Response response, String questionCode, Object value) {
        if (response.getState() != Response.State.IN_PROGRESS) {
            throw ProblemException.conflict("Response " + response.getId() + " is " + response.getState()
                    + "; it takes no more answers");
        }
        Questionnaire q = questionnaire(response);
        Questionnaire.Question current = q.question(response.getCurrentQuestion());
        if (questionCode == null || !questionCode.equals(current.code())) {
            throw ProblemException.conflict("The interview is at question " + current.code() + ", not "
                    + (questionCode == null ? "(none given)" : questionCode));
        }
        String problem = Questionnaire.check(current, value);
        if (problem != null) {
            throw ProblemException.invalid("value", problem);
        }
        String canonical = Questionnaire.canonical(current, value);
        Instant now = clock.now();
        long given = em.createQuery("SELECT COUNT(a) FROM Answer a WHERE a.responseId = :r", Long.class)
                .setParameter("r", response.getId()).getSingleResult();
        em.persist(new Answer(response.getId(), current.code(), canonical, (int) given + 1, now));
        em.flush();
        Survey survey = em.find(Survey.class, response.getSurveyId());
        String full = fullAnswerQuota(survey, q, current, canonical);
        if (full != null) {
            response.quotaFull(full, now);
            return new Step(response, q, null, false);
        }
        Questionnaire.Question next = q.next(current, canonical);
        if (next == null) {
            // the last answer: count the quotas again with the survey locked, so no quota is overfilled
            em.lock(survey, LockModeType.PESSIMISTIC_WRITE);
            String overfilled = quotaFullOnCompletion(survey, q, response);
            if (overfilled != null) {
                response.quotaFull(overfilled, now);
                return new Step(response, q, null, false);
            }
        }
        response.advance(next == null ? null : next.code(), now);
        em.flush();
        return new Step(response, q, next, false);
    }

    /** Whether the operator works the campaign. */
    public boolean assigned(String campaignCode, String operator) {
        return campaigns.byCode(campaignCode).map(c -> c.getOperators().contains(operator)).orElse(false);
    }

    public Questionnaire questionnaire(Response response) {
        return Definitions.read(em.find(SurveyVersion.class, response.getVersionId()).getDefinition());
    }

    public List<Answer> answers(long responseId) {
        return em.createQuery("SELECT a FROM Answer a WHERE a.responseId = :r ORDER BY a.position", Answer.class)
                .setParameter("r", responseId).getResultList();
    }

    /** A contact a survey of this campaign should not be offered: surveyed already, or in a full quota. */
    public boolean closedFor(Survey survey, Contact contact) {
        long done = em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.surveyId = :s AND r.contactId = :c"
                + " AND r.state <> :open", Long.class).setParameter("s", survey.getId()).setParameter("c", contact.getId())
                .setParameter("open", Response.State.IN_PROGRESS).getSingleResult();
        if (done > 0) {
            return true;
        }
        return surveys.live(survey.getId()).map(v -> fullQuotaBefore(survey, Definitions.read(v.getDefinition()), contact) != null)
                .orElse(false);
    }

    /** The target reached, or a full quota on an attribute the contact has: the code of that quota. */
    String fullQuotaBefore(Survey survey, Questionnaire q, Contact contact) {
        if (q.targetCompletes() != null && completes(survey.getId()) >= q.targetCompletes()) {
            return "TARGET";
        }
        for (Questionnaire.Quota quota : q.quotaList()) {
            if (quota.attribute() != null && quota.value().equalsIgnoreCase(String.valueOf(Contacts.attribute(contact,
                    quota.attribute()))) && completesIn(survey, quota) >= quota.limit()) {
                return quota.code();
            }
        }
        return null;
    }

    private String fullAnswerQuota(Survey survey, Questionnaire q, Questionnaire.Question question, String canonical) {
        for (Questionnaire.Quota quota : q.quotaList()) {
            if (question.code().equals(quota.question()) && matches(question, quota.answer(), canonical)
                    && completesIn(survey, quota) >= quota.limit()) {
                return quota.code();
            }
        }
        return null;
    }

    private String quotaFullOnCompletion(Survey survey, Questionnaire q, Response response) {
        if (q.targetCompletes() != null && completes(survey.getId()) >= q.targetCompletes()) {
            return "TARGET";
        }
        Contact contact = em.find(Contact.class, response.getContactId());
        List<Answer> answers = answers(response.getId());
        for (Questionnaire.Quota quota : q.quotaList()) {
            boolean in;
            if (quota.attribute() != null) {
                in = quota.value().equalsIgnoreCase(String.valueOf(Contacts.attribute(contact, quota.attribute())));
            } else {
                Questionnaire.Question question = q.question(quota.question());
                in = answers.stream().anyMatch(a -> a.getQuestion().equals(quota.question())
                        && matches(question, quota.answer(), a.getValue()));
            }
            if (in && completesIn(survey, quota) >= quota.limit()) {
                return quota.code();
            }
        }
        return null;
    }

    private static boolean matches(Questionnaire.Question question, String wanted, String canonical) {
        if (canonical == null || question == null) {
            return false;
        }
        if (question.kind() == Questionnaire.Kind.MULTIPLE) {
            return List.of(canonical.split(";")).contains(wanted);
        }
        String want = Questionnaire.canonical(question, wanted);
        return canonical.equals(want);
    }

    long completes(long surveyId) {
        return em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.surveyId = :s AND r.state = :complete", Long.class)
                .setParameter("s", surveyId).setParameter("complete", Response.State.COMPLETE).getSingleResult();
    }

    /** Completes that fall into the quota. */
    long completesIn(Survey survey, Questionnaire.Quota quota) {
        if (quota.attribute() != null) {
            return em.createQuery("SELECT r.contactId FROM Response r WHERE r.surveyId = :s AND r.state = :complete",
                    Long.class).setParameter("s", survey.getId()).setParameter("complete", Response.State.COMPLETE)
                    .getResultStream().map(id -> em.find(Contact.class, id))
                    .filter(c -> quota.value().equalsIgnoreCase(String.valueOf(Contacts.attribute(c, quota.attribute()))))
                    .count();
        }
        List<Object[]> rows = em.createQuery("SELECT a.value, r.versionId FROM Answer a, Response r WHERE a.responseId = r.id"
                + " AND r.surveyId = :s AND r.state = :complete AND a.question = :q", Object[].class)
                .setParameter("s", survey.getId()).setParameter("complete", Response.State.COMPLETE)
                .setParameter("q", quota.question()).getResultList();
        long n = 0;
        for (Object[] row : rows) {
            Questionnaire.Question question = Definitions.read(em.find(SurveyVersion.class, row[1]).getDefinition())
                    .question(quota.question());
            if (matches(question, quota.answer(), (String) row[0])) {
                n++;
            }
        }
        return n;
    }
}
