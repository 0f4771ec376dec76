package org.switchboard.surveys.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.surveys.boundary.SurveyBodies.StartInput;
import org.switchboard.surveys.boundary.SurveyBodies.StepView;
import org.switchboard.surveys.boundary.SurveyBodies.SurveyInput;
import org.switchboard.surveys.boundary.SurveyBodies.SurveyView;
import org.switchboard.surveys.boundary.SurveyBodies.VersionDetail;
import org.switchboard.surveys.boundary.SurveyBodies.VersionView;
import org.switchboard.surveys.control.Definitions;
import org.switchboard.surveys.control.Interviews;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Surveys;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.entity.SurveyVersion;

/** Questionnaires: written and versioned by marketers, published, and started as interviews on calls. */
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
@Tag(name = "Surveys", description = "Questionnaires over the phone, interviews, results")
public class SurveysResource {

    @Inject
    Surveys surveys;

    @Inject
    Interviews interviews;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Operation(summary = "Write a survey: {title, intro, campaign, questions:[{code,text,kind,required,options,min,max,"
            + "branches:[{answer,goTo}]}], quotas, targetCompletes}; it starts as draft version 1")
    public Response create(SurveyInput input) {
        Survey survey = surveys.create(draft(input), caller.username());
        return Response.created(URI.create("/api/surveys/" + survey.getId())).entity(view(survey)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.OPERATOR, Roles.CLIENT})
    @Operation(summary = "Surveys, newest first; campaign= narrows to one campaign's")
    public Page<SurveyView> list(@QueryParam("campaign") String campaign, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return surveys.list(campaign == null || campaign.isBlank() ? null : campaign, caller.readScope(),
                PageRequest.of(page, size, null, java.util.Map.of(), "")).map(this::view);
    }

    @GET
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.OPERATOR, Roles.CLIENT})
    @Operation(summary = "A survey with its latest version and the list of versions")
    public SurveyView get(@PathParam("id") long id) {
        return view(surveys.find(id, caller.readScope()));
    }

    @GET
    @Path("{id}/versions/{number}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.OPERATOR, Roles.CLIENT})
    @Operation(summary = "One version as it was written: state, intro, questions, quotas, interviews given on it — the"
            + " live version stays readable while the next one is drafted")
    public VersionDetail version(@PathParam("id") long id, @PathParam("number") int number) {
        Survey survey = surveys.find(id, caller.readScope());
        SurveyVersion version = surveys.version(survey.getId(), number);
        Questionnaire q = Definitions.read(version.getDefinition());
        return new VersionDetail(survey.getId(), version.getNumber(), version.getState().name(),
                version.getPublishedAt(), version.getIntro(), q.questions(), q.quotas(), q.targetCompletes(),
                surveys.responses(version.getId()));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Edit a survey (send the version read): rewrites the draft, or starts the next version when"
            + " the latest is live — answers keep the version they were given on")
    public SurveyView update(@PathParam("id") long id, SurveyInput input) {
        Survey survey = surveys.find(id, caller.readScope());
        ProblemException.requireVersion("Survey " + id, input == null ? null : input.version(), survey.getVersion());
        surveys.update(survey, draft(input));
        return view(survey);
    }

    @POST
    @Path("{id}/publish")
    @Transactional
    @Operation(summary = "Publish the draft: it becomes the live version new interviews are given on")
    public SurveyView publish(@PathParam("id") long id) {
        Survey survey = surveys.find(id, caller.readScope());
        surveys.publish(survey);
        return view(survey);
    }

    @POST
    @Path("{id}/responses")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Start an interview {contactId, entryId}: answers {id, next:{question}}; a contact's"
            + " unfinished interview is resumed where it stopped; a full quota answers {id, complete, quotaFull}")
    public Response start(@PathParam("id") long id, StartInput input) {
        Survey survey = surveys.find(id, caller.readScope());
        if (input == null || input.contactId() == null) {
            throw ProblemException.invalid("contactId", "is required: the contact being interviewed");
        }
        boolean onlyOperator = caller.has(Role.OPERATOR) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN);
        if (onlyOperator && survey.getCampaign() != null && !interviews.assigned(survey.getCampaign(), caller.username())) {
            throw ProblemException.forbidden("You are not assigned to campaign " + survey.getCampaign());
        }
        Interviews.Step step = interviews.start(survey, input.contactId(), input.entryId(), caller.username());
        StepView view = StepView.of(step);
        return step.resumed() ? Response.ok(view).build()
                : Response.created(URI.create("/api/responses/" + step.response().getId())).entity(view).build();
    }

    private static Surveys.Draft draft(SurveyInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the survey: {\"title\",\"questions\":[…]}");
        }
        return new Surveys.Draft(input.title(), input.intro(), input.campaign(),
                new Questionnaire(input.questions(), input.quotas(), input.targetCompletes()));
    }

    private SurveyView view(Survey survey) {
        SurveyVersion latest = surveys.latest(survey.getId());
        Questionnaire q = Definitions.read(latest.getDefinition());
        Integer live = surveys.live(survey.getId()).map(SurveyVersion::getNumber).orElse(null);
        return new SurveyView(survey.getId(), survey.getTitle(), latest.getIntro(), survey.getCampaign(), q.questions(),
                q.quotas(), q.targetCompletes(), latest.getNumber(), latest.getState().name(), live,
                surveys.versions(survey.getId()).stream().map(v -> new VersionView(v.getNumber(), v.getState().name(),
                        v.getPublishedAt(), surveys.responses(v.getId()))).toList(),
                surveys.completes(survey.getId()), survey.getCreatedBy(), survey.getCreatedAt(), survey.getVersion());
    }
}
