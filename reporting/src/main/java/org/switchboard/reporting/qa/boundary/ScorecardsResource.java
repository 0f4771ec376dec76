package org.switchboard.reporting.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.reporting.qa.boundary.ScorecardBodies.ScorecardInput;
import org.switchboard.reporting.qa.boundary.ScorecardBodies.ScorecardView;
import org.switchboard.reporting.qa.control.Scorecards;
import org.switchboard.reporting.qa.entity.Scorecard;

@Path("qa/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Quality review")
public class ScorecardsResource {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    Scorecards scorecards;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Create a scorecard: criteria worth points (fatal ones fail a call scored 0) and a pass mark")
    public Response create(ScorecardInput input, @Context UriInfo uri) {
        checks.valid(input);
        Scorecard scorecard = scorecards.create(input.definition(), caller.username(), Instant.now());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(scorecard.getId())).build())
                .entity(ScorecardView.of(scorecard)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List scorecards; filter by active")
    public Page<ScorecardView> list(@QueryParam("active") Boolean active, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "name");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (active != null) {
            where.append(" AND s.active = :active");
            params.put("active", active);
        }
        return Queries.page(em, Scorecard.class, "Scorecard", "s", where, params, request).map(ScorecardView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One scorecard")
    public ScorecardView get(@PathParam("id") long id) {
        return ScorecardView.of(scorecards.find(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Change a scorecard; send the version you read. Reviews already written keep the criteria "
            + "and pass mark they were scored with")
    public ScorecardView update(@PathParam("id") long id, ScorecardInput input) {
        checks.valid(input);
        return ScorecardView.of(scorecards.update(id, input.definition(), input.version()));
    }
}
