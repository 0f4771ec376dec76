package org.switchboard.aftersales.boundary;

import org.switchboard.core.api.QueryParams;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.RuleInput;
import org.switchboard.aftersales.boundary.AftersalesBodies.RuleView;
import org.switchboard.aftersales.control.Rules;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

/** After-sales rules: which occasion turns which contacts into calls on which campaign, with what offer. */
@Path("aftersales/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "After-sales", description = "Birthday, holiday, event and follow-up calls, offers, attendees")
public class RulesResource {

    @Inject
    Rules rules;

    @POST
    @Transactional
    @Operation(summary = "Write a rule {type: BIRTHDAY|HOLIDAY|EVENT|FOLLOW_UP, name, campaign (AFTER_SALES), daysBefore,"
            + " daysAfter (FOLLOW_UP), holidayDate (HOLIDAY), eventId (EVENT), audience:{tag,city},"
            + " offer:{kind: DISCOUNT|GIFT, value, validDays}, script, advertising, active}")
    public Response create(RuleInput input) {
        Rule rule = rules.create(required(input).draft());
        return Response.created(URI.create("/api/aftersales/rules/" + rule.getId())).entity(RuleView.of(rule)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Rules by name; type=, campaign=, active= narrow the list; page, size, sort (name, type,"
            + " campaign, id)")
    public Page<RuleView> list(@QueryParam("type") String type, @QueryParam("campaign") String campaign,
            @QueryParam("active") String active, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort,
                Map.of("name", "name", "type", "type", "campaign", "campaign", "id", "id"), "name");
        return rules.list(QueryParams.oneOf(Rule.Type.class, "type", type),
                campaign == null || campaign.isBlank() ? null : campaign, QueryParams.bool("active", active), request)
                .map(RuleView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "One rule")
    public RuleView get(@PathParam("id") long id) {
        return RuleView.of(rules.find(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Rewrite a rule (send the version read; 409 when someone changed it since); the type stays")
    public RuleView update(@PathParam("id") long id, RuleInput input) {
        Rule rule = rules.find(id);
        ProblemException.requireVersion("Rule " + id, required(input).version(), rule.getVersion());
        rules.update(rule, input.draft());
        return RuleView.of(rule);
    }

    private static RuleInput required(RuleInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the rule: {\"type\",\"name\",\"campaign\",\"daysBefore\",…}");
        }
        return input;
    }
}
