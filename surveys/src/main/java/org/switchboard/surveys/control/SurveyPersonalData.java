package org.switchboard.surveys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.privacy.DataSubject;
import org.switchboard.core.privacy.Erasure;
import org.switchboard.core.privacy.PersonalData;
import org.switchboard.core.privacy.Rows;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.SurveyVersion;

/**
 * What the surveys module keeps about a person: their interviews and answers. Erasure keeps the interviews and the
 * closed answers (options, scales, numbers: the survey's results must still add up, and a chosen option says
 * nothing about who chose it) and clears the answers a person wrote or dictated: text and date answers, and any
 * answer to a question the version no longer defines.
 */
@ApplicationScoped
public class SurveyPersonalData implements PersonalData {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "surveys";
    }

    @Override
    public Object export(DataSubject subject) {
        long id = subject.contactId();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("responses", Rows.of(em, "SELECT r.id, s.title AS survey, r.operator, r.state, r.started_at, r.ended_at"
                + " FROM surveys_response r JOIN surveys_survey s ON s.id = r.survey_id WHERE r.contact_id = :id"
                + " ORDER BY r.id", id));
        all.put("answers", Rows.of(em, "SELECT a.response_id, a.question_code, a.value_text, a.answered_at"
                + " FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id WHERE r.contact_id = :id"
                + " ORDER BY a.response_id, a.position", id));
        return all;
    }

    @Override
    public Collection<String> texts(DataSubject subject) {
        return personal(subject.contactId()).stream().map(Answer::getValue).filter(v -> v != null).toList();
    }

    /** The answers a person wrote: to text and date questions, or to questions their version does not know. */
    private List<Answer> personal(long contactId) {
        List<Answer> personal = new ArrayList<>();
        List<Response> responses = em.createQuery("SELECT r FROM Response r WHERE r.contactId = :id", Response.class)
                .setParameter("id", contactId).getResultList();
        for (Response response : responses) {
            Questionnaire questionnaire = Definitions.read(em.find(SurveyVersion.class, response.getVersionId())
                    .getDefinition());
            for (Answer answer : em.createQuery("SELECT a FROM Answer a WHERE a.responseId = :r", Answer.class)
                    .setParameter("r", response.getId()).getResultList()) {
                Questionnaire.Question question = questionnaire.question(answer.getQuestion());
                if (question == null || question.kind() == Questionnaire.Kind.TEXT
                        || question.kind() == Questionnaire.Kind.DATE) {
                    personal.add(answer);
                }
            }
        }
        return personal;
    }

    @Override
    public void erase(Erasure erasure) {
        List<Long> ids = personal(erasure.contactId()).stream().map(Answer::getId).toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("UPDATE surveys_answer SET value_text = NULL WHERE id IN (:ids)").setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    @Override
    public void merge(long fromContactId, long intoContactId) {
        em.createNativeQuery("UPDATE surveys_response SET contact_id = :into WHERE contact_id = :from")
                .setParameter("into", intoContactId).setParameter("from", fromContactId).executeUpdate();
    }
}
