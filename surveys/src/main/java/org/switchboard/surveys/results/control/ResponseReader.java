package org.switchboard.surveys.results.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.leads.entity.Contact;
import org.switchboard.surveys.control.Contacts;
import org.switchboard.surveys.control.Definitions;
import org.switchboard.surveys.entity.Answer;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;

/**
 * Reads what the results and the export need, page by page in the order of response ids, so that memory stays
 * flat however many interviews a survey has.
 */
@ApplicationScoped
public class ResponseReader {

    static final int PAGE = 500;

    @PersistenceContext
    EntityManager em;

    /** Responses read at a time. */
    int pageSize = PAGE;

    /** The survey, if the caller may see it: a client only its own campaigns' surveys (else 404, not 403). */
    public Survey survey(long id, Long clientScope) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null || (clientScope != null && !clientScope.equals(clientOf(survey)))) {
            throw ProblemException.notFound("There is no survey " + id);
        }
        return survey;
    }

    private Long clientOf(Survey survey) {
        Campaign campaign = campaign(survey);
        return campaign == null ? null : campaign.getClientId();
    }

    private Campaign campaign(Survey survey) {
        if (survey.getCampaign() == null) {
            return null;
        }
        return em.createQuery("SELECT c FROM Campaign c WHERE c.code = :code", Campaign.class)
                .setParameter("code", survey.getCampaign()).getResultStream().findFirst().orElse(null);
    }

    public List<Version> publishedVersions(long surveyId) {
        return em.createQuery("SELECT v FROM SurveyVersion v WHERE v.surveyId = :s AND v.state = :published"
                        + " ORDER BY v.number", SurveyVersion.class)
                .setParameter("s", surveyId).setParameter("published", SurveyVersion.State.PUBLISHED)
                .getResultStream().map(v -> new Version(v.getId(), v.getNumber(), Definitions.read(v.getDefinition())))
                .toList();
    }

    /**
     * Hands each completed interview on the given versions, matching the filter, to {@code sink}, with its answers
     * and — when {@code withAttributes} — its contact's attributes.
     */
    public void eachCompleted(long surveyId, Set<Long> versionIds, ResponseFilter filter, boolean withAttributes,
            Consumer<Completed> sink) {
        if (versionIds.isEmpty()) {
            return;
        }
        long last = 0;
        while (true) {
            TypedQuery<Response> query = em.createQuery("SELECT r FROM Response r WHERE r.surveyId = :s"
                    + " AND r.state = :complete AND r.versionId IN :versions AND r.id > :last"
                    + (filter.from() == null ? "" : " AND r.endedAt >= :from")
                    + (filter.to() == null ? "" : " AND r.endedAt < :to")
                    + (filter.operator() == null ? "" : " AND r.operator = :operator")
                    + " ORDER BY r.id", Response.class)
                    .setParameter("s", surveyId).setParameter("complete", Response.State.COMPLETE)
                    .setParameter("versions", versionIds).setParameter("last", last)
                    .setHint("org.hibernate.readOnly", true).setMaxResults(pageSize);
            bind(query, filter);
            List<Response> page = query.getResultList();
            if (page.isEmpty()) {
                return;
            }
            Map<Long, Map<String, String>> answers = answers(page.stream().map(Response::getId).toList());
            Map<Long, Map<String, String>> attributes = withAttributes
                    ? attributes(page.stream().map(Response::getContactId).collect(Collectors.toSet())) : Map.of();
            for (Response r : page) {
                sink.accept(new Completed(r.getId(), r.getVersionId(), answers.getOrDefault(r.getId(), Map.of()),
                        attributes.getOrDefault(r.getContactId(), Map.of())));
            }
            last = page.get(page.size() - 1).getId();
            em.clear();
        }
    }

    private static void bind(TypedQuery<?> query, ResponseFilter filter) {
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        if (filter.operator() != null) {
            query.setParameter("operator", filter.operator());
        }
    }

    /** Interviews of the survey in a state, filtered: by their end, or for those in progress by their start. */
    public long count(long surveyId, Response.State state, ResponseFilter filter) {
        String at = state == Response.State.IN_PROGRESS ? "r.startedAt" : "r.endedAt";
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(r) FROM Response r WHERE r.surveyId = :s AND r.state = :state"
                + (filter.from() == null ? "" : " AND " + at + " >= :from")
                + (filter.to() == null ? "" : " AND " + at + " < :to")
                + (filter.operator() == null ? "" : " AND r.operator = :operator"), Long.class)
                .setParameter("s", surveyId).setParameter("state", state);
        bind(query, filter);
        return query.getSingleResult();
    }

    /**
     * Contacts reached for the survey: those on its campaign's call list tried at least once, and those with an
     * interview of the survey (however they were reached), each once.
     */
    public long contacted(Survey survey) {
        long interviewed = em.createQuery("SELECT COUNT(DISTINCT r.contactId) FROM Response r WHERE r.surveyId = :s",
                Long.class).setParameter("s", survey.getId()).getSingleResult();
        Campaign campaign = campaign(survey);
        if (campaign == null) {
            return interviewed;
        }
        long tried = em.createQuery("SELECT COUNT(DISTINCT e.contactId) FROM ListEntry e WHERE e.campaignId = :c"
                + " AND e.attempts > 0", Long.class).setParameter("c", campaign.getId()).getSingleResult();
        long interviewedUntried = em.createQuery("SELECT COUNT(DISTINCT r.contactId) FROM Response r WHERE r.surveyId = :s"
                + " AND r.contactId NOT IN (SELECT e.contactId FROM ListEntry e WHERE e.campaignId = :c AND e.attempts > 0)",
                Long.class).setParameter("s", survey.getId()).setParameter("c", campaign.getId()).getSingleResult();
        return tried + interviewedUntried;
    }

    /** A page of all the survey's responses, any state, after {@code afterId}. */
    public List<Response> responses(long surveyId, long afterId) {
        return em.createQuery("SELECT r FROM Response r WHERE r.surveyId = :s AND r.id > :last ORDER BY r.id",
                        Response.class)
                .setParameter("s", surveyId).setParameter("last", afterId)
                .setHint("org.hibernate.readOnly", true).setMaxResults(pageSize).getResultList();
    }

    /** The answers of the given responses as stored, by response id, then question code. */
    public Map<Long, Map<String, String>> answers(Collection<Long> responseIds) {
        Map<Long, Map<String, String>> answers = new HashMap<>();
        if (responseIds.isEmpty()) {
            return answers;
        }
        em.createQuery("SELECT a FROM Answer a WHERE a.responseId IN :ids ORDER BY a.responseId, a.position",
                        Answer.class)
                .setParameter("ids", responseIds).setHint("org.hibernate.readOnly", true).getResultList()
                .forEach(a -> answers.computeIfAbsent(a.getResponseId(), k -> new LinkedHashMap<>())
                        .put(a.getQuestion(), a.getValue()));
        return answers;
    }

    private Map<Long, Map<String, String>> attributes(Set<Long> contactIds) {
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class).setParameter("ids", contactIds)
                .setHint("org.hibernate.readOnly", true).getResultList().forEach(c -> {
                    Map<String, String> values = new HashMap<>();
                    for (String attribute : Contacts.ATTRIBUTES) {
                        String value = Contacts.attribute(c, attribute);
                        if (value != null) {
                            values.put(attribute, value);
                        }
                    }
                    attributes.put(c.getId(), values);
                });
        return attributes;
    }

    /** Version numbers by version id, for the export. */
    public Map<Long, Integer> versionNumbers(long surveyId) {
        Map<Long, Integer> numbers = new HashMap<>();
        em.createQuery("SELECT v.id, v.number FROM SurveyVersion v WHERE v.surveyId = :s", Object[].class)
                .setParameter("s", surveyId).getResultList()
                .forEach(row -> numbers.put((Long) row[0], (Integer) row[1]));
        return numbers;
    }

    /** Forgets the entities read so far: called after each exported page. */
    public void clear() {
        em.clear();
    }
}
