package org.switchboard.surveys.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.surveys.boundary.SurveyBodies.AnswerInput;
import org.switchboard.surveys.boundary.SurveyBodies.AnswerView;
import org.switchboard.surveys.boundary.SurveyBodies.ResponseView;
import org.switchboard.surveys.boundary.SurveyBodies.StepView;
import org.switchboard.surveys.control.Interviews;
import org.switchboard.surveys.control.Surveys;
import org.switchboard.surveys.entity.Response;
import org.switchboard.surveys.entity.SurveyVersion;

/** An interview in progress: answers one at a time, each checked, the next question by the branching rules. */
@Path("responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Surveys")
public class ResponsesResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Interviews interviews;

    @Inject
    Surveys surveys;

    @Inject
    Caller caller;

    @POST
    @Path("{id}/answers")
    @Transactional
    @Operation(summary = "Answer the current question {question, value}: answers {next:{question}} or {complete:true}"
            + " (quotaFull when a quota closed it); a value that does not fit is a 400 with the reason")
    public StepView answer(@PathParam("id") long id, AnswerInput input) {
        Response response = visible(id);
        if (input == null) {
            throw ProblemException.badRequest("Send {\"question\",\"value\"}");
        }
        return StepView.of(interviews.answer(response, input.question(), input.value()));
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "An interview with its answers so far")
    public ResponseView get(@PathParam("id") long id) {
        Response r = visible(id);
        return new ResponseView(r.getId(), r.getSurveyId(), em.find(SurveyVersion.class, r.getVersionId()).getNumber(),
                r.getContactId(), r.getEntryId(), r.getOperator(), r.getState().name(), r.getCurrentQuestion(),
                r.getQuotaCode(), r.getStartedAt(), r.getEndedAt(),
                interviews.answers(r.getId()).stream().map(AnswerView::of).toList());
    }

    private Response visible(long id) {
        Response response = em.find(Response.class, id);
        if (response == null) {
            throw ProblemException.notFound("There is no response " + id);
        }
        org.switchboard.surveys.entity.Survey survey = surveys.find(response.getSurveyId(), caller.readScope());
        boolean onlyOperator = caller.has(org.switchboard.core.people.entity.Role.OPERATOR)
                && !caller.has(org.switchboard.core.people.entity.Role.SUPERVISOR)
                && !caller.has(org.switchboard.core.people.entity.Role.ADMIN);
        if (onlyOperator && !caller.username().equals(response.getOperator())
                && (survey.getCampaign() == null || !interviews.assigned(survey.getCampaign(), caller.username()))) {
            throw ProblemException.notFound("There is no response " + id);
        }
        return response;
    }
}
