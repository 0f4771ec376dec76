package org.switchboard.leads.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.ImportRequests;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.integrity.LeadBacking;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.leads.control.LeadBook;
import org.switchboard.leads.control.io.Exports;
import org.switchboard.leads.control.io.LeadImporter;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;

@Path("leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Leads", description = "Prospects who showed interest, tied to the calls they came from")
public class LeadsResource {

    @Inject
    LeadBook leads;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @Inject
    ImportRequests importRequests;

    @Inject
    Campaigns campaigns;

    @Inject
    CallCentre callCentre;

    @Inject
    Exports exports;

    @PersistenceContext
    EntityManager em;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<LeadBacking> backings;

    /** {@code version}, when sent, must be the lead's current one (409 otherwise), as on every other edit. */
    public record StatusChange(@NotNull(message = "is required: NEW, QUALIFIED, MEETING_SET, WON or LOST") LeadStatus status,
            String reason, Long version) {
    }

    @POST
    @Transactional
    @Operation(summary = "Create a lead; an OPERATOR creates leads of their own, in campaigns they are assigned to")
    public Response create(LeadInput input, @Context UriInfo uri) {
        checks.valid(input);
        String operator = input.operator();
        if (isOnlyOperator()) {
            if (operator != null && !operator.equalsIgnoreCase(caller.username())) {
                throw ProblemException.forbidden("An operator records leads of their own; leave operator out or send "
                        + caller.username());
            }
            operator = caller.username();
            if (input.createdAt() != null) {
                throw ProblemException.invalid("createdAt", "is the server's time when the lead is entered; an operator"
                        + " cannot give it — leave createdAt out");
            }
            // the campaign decides which client sees the lead: an operator attributes leads only to their own
            campaigns.byCode(input.campaign()).ifPresent(c -> campaigns.requireAssigned(c, caller));
        }
        Lead lead = leads.create(input, operator, caller.username());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(lead.getId())).build())
                .entity(view(lead)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CLIENT})
    @Operation(summary = "List leads; filter by operator, status, campaign, client, contactId and from/to "
            + "(call-centre days, inclusive); sort by createdAt, status, operator, campaign, estimatedValue. An OPERATOR"
            + " sees only their own leads, a CLIENT only its client's")
    public Page<LeadView> list(@QueryParam("operator") String operator, @QueryParam("status") String status,
            @QueryParam("campaign") String campaign, @QueryParam("client") Long client,
            @QueryParam("contactId") Long contactId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, LeadBook.SORTABLE, "-createdAt");
        Page<Lead> found = leads.list(new LeadBook.Filter(operator, status(status), campaign, client, date("from", from),
                date("to", to), contactId, scope(), own()), request);
        // the page's contacts in one query, with their phones, instead of one request per contact from the client
        Set<Long> ids = found.items().stream().map(Lead::getContactId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Contact> contacts = ids.isEmpty() ? Map.of()
                : em.createQuery("SELECT c FROM Contact c LEFT JOIN FETCH c.phones WHERE c.id IN :ids", Contact.class)
                        .setParameter("ids", ids).getResultStream()
                        .collect(Collectors.toMap(Contact::getId, Function.identity(), (same, again) -> same));
        Map<Long, LeadBacking.Backing> backing = backing(found.items().stream().map(Lead::getId).toList());
        return found.map(l -> {
            Contact c = contacts.get(l.getContactId());
            return LeadView.listed(l, c == null ? null : c.getFullName(),
                    c == null || c.getPhones().isEmpty() ? null : c.getPhones().get(0).getNumber(), backing.get(l.getId()));
        });
    }

    @GET
    @Transactional
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CLIENT})
    @Operation(summary = "One lead with its history; a CLIENT user gets 404 for another client's, an OPERATOR for"
            + " another operator's")
    public LeadView get(@PathParam("id") long id) {
        return view(leads.visible(id, scope(), own()));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a lead's value, notes, call, or (SUPERVISOR, ADMIN) its operator; send the version you read")
    public LeadView update(@PathParam("id") long id, LeadInput input) {
        return view(leads.update(id, checks.valid(input), !isOnlyOperator(), scope(), own()));
    }

    @POST
    @Path("{id}/status")
    @Transactional
    @Operation(summary = "Move a lead on: NEW → QUALIFIED → MEETING_SET → WON | LOST (LOST needs a reason); "
            + "send the version you read to be told (409) of a change made meanwhile")
    public LeadView move(@PathParam("id") long id, StatusChange change) {
        checks.valid(change);
        return view(leads.move(id, change.status(), change.reason(), change.version(), caller.username(), scope(),
                own()));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "application/csv", Uploads.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Import leads (created_at, operator_extension, phone, name, campaign, call_uniqueid, …) from CSV or XLSX")
    public Response importLeads(InputStream body, @QueryParam("format") String format, @QueryParam("mode") String mode,
            @QueryParam("async") boolean async, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @Context UriInfo uri) {
        return importRequests.handle(new LeadImporter(em, campaigns, leads, callCentre.zone(), caller.username()), body,
                format, contentType, mode, async, caller.username(), uri);
    }

    @GET
    @Transactional
    @Path("export")
    @Produces({"text/csv", Uploads.XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
    @Operation(summary = "Export leads as CSV or XLSX (format=csv|xlsx or Accept); the columns import back; "
            + "operator, status, campaign, client, contactId and from/to select the leads as in the list")
    public Response export(@QueryParam("format") String format, @QueryParam("operator") String operator,
            @QueryParam("status") String status, @QueryParam("campaign") String campaign,
            @QueryParam("client") Long client, @QueryParam("contactId") Long contactId, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        TabularFormat tabular = Uploads.exportFormat(format, headers.getAcceptableMediaTypes());
        LeadBook.Filter filter = new LeadBook.Filter(operator, status(status), campaign, client, date("from", from),
                date("to", to), contactId, scope());
        StreamingOutput body = out -> exports.leads(tabular, out, filter);
        return Response.ok(body, tabular.mediaType())
                .header("Content-Disposition", "attachment; filename=\"leads." + tabular.extension() + "\"").build();
    }

    private LeadView view(Lead lead) {
        return LeadView.of(lead, leads.history(lead.getId()), backing(List.of(lead.getId())).get(lead.getId()));
    }

    /** The backing of these leads, as reporting decided it; empty without reporting. */
    private Map<Long, LeadBacking.Backing> backing(List<Long> ids) {
        Map<Long, LeadBacking.Backing> all = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.flush();
            for (LeadBacking source : backings) {
                all.putAll(source.of(ids));
            }
        }
        return all;
    }

    private boolean isOnlyOperator() {
        return caller.isOnlyOperator();
    }

    /** An operator's own username: they see and change only the leads they produced; null for everyone else. */
    private String own() {
        return caller.isOnlyOperator() ? caller.username() : null;
    }

    private Long scope() {
        return caller.readScope();
    }

    private static LeadStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LeadStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of NEW, QUALIFIED, MEETING_SET, WON, LOST");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }
}
