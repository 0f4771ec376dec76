package org.switchboard.core.campaigns.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.api.Queries;
import org.switchboard.core.campaigns.control.CampaignBook;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Campaigns", description = "Campaigns of the clients; a CLIENT user sees only its own")
public class CampaignsResource {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name",
            "createdAt", "createdAt", "startsOn", "startsOn");

    @PersistenceContext
    EntityManager em;

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignBook book;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    /**
     * A campaign as written; {@code code}, {@code type} and {@code clientId} are fixed once created. A change of the
     * threshold overrides applies from {@code thresholdsValidFrom} (a call-centre day, default today) and is kept in
     * the tamper trail with {@code thresholdsReason}.
     */
    public record CampaignInput(
            @NotBlank(message = "is required, e.g. ADS-NOV")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}", message = "must be 1-40 letters, digits, '_', '.' or '-'")
            String code,
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters long")
            String name,
            @NotNull(message = "is required: INBOUND_AD, OUTBOUND, SURVEY or AFTER_SALES") CampaignType type,
            @NotNull(message = "is required") Long clientId,
            LocalDate startsOn,
            LocalDate endsOn,
            Boolean active,
            List<String> operators,
            List<String> numbers,
            @jakarta.validation.constraints.Min(value = 1, message = "must be at least 1") Integer minTalkSeconds,
            @jakarta.validation.constraints.Min(value = 1, message = "must be at least 1") Integer longCallSeconds,
            LocalDate thresholdsValidFrom,
            @Size(max = 500, message = "must be at most 500 characters long") String thresholdsReason,
            Long version) {
    }

    public record CampaignView(Long id, String code, String name, CampaignType type, Long clientId, LocalDate startsOn,
            LocalDate endsOn, boolean active, List<String> operators, List<String> numbers, Integer minTalkSeconds,
            Integer longCallSeconds, Instant createdAt, long version) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getCode(), c.getName(), c.getType(), c.getClientId(), c.getStartsOn(),
                    c.getEndsOn(), c.isActive(), c.getOperators().stream().sorted().toList(),
                    c.getNumbers().stream().sorted().toList(), c.getMinTalkSeconds(), c.getLongCallSeconds(),
                    c.getCreatedAt(), c.getVersion());
        }
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
    @Operation(summary = "Create a campaign of a client")
    public Response create(CampaignInput input, @Context UriInfo uri) {
        checks.valid(input);
        Campaign campaign = book.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(campaign.getId())).build())
                .entity(CampaignView.of(campaign)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List campaigns; filter by clientId, type, active, q (code or name)")
    public Page<CampaignView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("clientId") Long clientId, @QueryParam("type") String typeName,
            @QueryParam("active") Boolean active, @QueryParam("q") String q) {
        PageRequest request = PageRequest.of(page, size, sort, SORTABLE, "code");
        CampaignType type = null;
        if (typeName != null && !typeName.isBlank()) {
            try {
                type = CampaignType.valueOf(typeName.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("type", "must be one of INBOUND_AD, OUTBOUND, SURVEY, AFTER_SALES");
            }
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        Long scope = caller.clientScope();
        if (caller.isRestrictedToClient()) {
            where.append(" AND c.clientId = :scope");
            params.put("scope", scope == null ? -1L : scope);
        }
        if (clientId != null) {
            where.append(" AND c.clientId = :clientId");
            params.put("clientId", clientId);
        }
        if (type != null) {
            where.append(" AND c.type = :type");
            params.put("type", type);
        }
        if (active != null) {
            where.append(" AND c.active = :active");
            params.put("active", active);
        }
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(c.code) LIKE :q OR LOWER(c.name) LIKE :q)");
            params.put("q", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return Queries.page(em, Campaign.class, "Campaign", "c", where, params, request).map(CampaignView::of);
    }
}
