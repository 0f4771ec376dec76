package org.switchboard.leads.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.limits.BodyLimit;
import org.switchboard.core.limits.Limits;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.ImportRequests;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.leads.control.DoNotCallList;
import org.switchboard.core.phones.PhoneNumbers;
import org.switchboard.leads.control.io.DncImporter;
import org.switchboard.leads.entity.DncEntry;

@Path("dnc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Do-not-call", description = "Numbers that must never be called, globally or for one client")
public class DncResource {

    @Inject
    DoNotCallList dnc;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @Inject
    ImportRequests importRequests;

    @PersistenceContext
    EntityManager em;

    /** A number for the list; without {@code clientId} it is never called in any campaign. */
    public record DncInput(@NotBlank(message = "is required") String number,
            @Size(max = 500, message = "must be at most 500 characters long") String reason, Long clientId) {
    }

    public record DncView(Long id, String number, Long clientId, String reason, Long contactId, String createdBy,
            Instant createdAt) {
        public static DncView of(DncEntry e) {
            return new DncView(e.getId(), e.getNumber(), e.getClientId(), e.getReason(), e.getContactId(),
                    e.getCreatedBy(), e.getCreatedAt());
        }
    }

    @POST
    @Transactional
    @Operation(summary = "Put a number on the global list or a client's list; 201, or 200 when it was already there")
    public Response add(DncInput input, @Context UriInfo uri) {
        checks.valid(input);
        String number;
        try {
            number = PhoneNumbers.toE164(input.number());
        } catch (PhoneNumbers.InvalidNumber e) {
            throw ProblemException.invalid("number", e.getMessage());
        }
        if (input.clientId() != null && em.find(Client.class, input.clientId()) == null) {
            throw ProblemException.invalid("clientId", "names no client: there is no client " + input.clientId());
        }
        DoNotCallList.Added added = dnc.add(number, input.clientId(),
                input.reason() == null || input.reason().isBlank() ? null : input.reason().trim(), null, caller.username());
        DncView view = DncView.of(added.entry());
        return added.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build()).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
    @Operation(summary = "The lists; filter by number (any written form) or clientId; a CLIENT sees its own list only")
    public Page<DncView> list(@QueryParam("number") String number, @QueryParam("clientId") Long clientId,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        String e164 = null;
        if (number != null && !number.isBlank()) {
            e164 = PhoneNumbers.tryE164(number)
                    .orElseThrow(() -> ProblemException.invalid("number", "'" + number + "' is not a phone number"));
        }
        Long scope = caller.readScope();
        return dnc.list(e164, clientId, scope, PageRequest.of(page, size, sort, DoNotCallList.SORTABLE, "-createdAt"))
                .map(DncView::of);
    }

    @GET
    @Transactional
    @Path("check")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "May this number be called now for this client? {\"number\",\"clientId\",\"mayCall\"}")
    public Map<String, Object> check(@QueryParam("number") String number, @QueryParam("clientId") Long clientId) {
        String e164 = PhoneNumbers.tryE164(number)
                .orElseThrow(() -> ProblemException.invalid("number", "'" + number + "' is not a phone number"));
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("number", e164);
        answer.put("clientId", clientId);
        answer.put("mayCall", dnc.mayCall(e164, clientId));
        return answer;
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Take a number off a list (SUPERVISOR, ADMIN)")
    public Response remove(@PathParam("id") long id) {
        DncEntry entry = dnc.find(id).orElseThrow(() -> ProblemException.notFound("There is no do-not-call entry " + id));
        dnc.remove(entry);
        return Response.noContent().build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "application/csv", Uploads.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @BodyLimit(value = Limits.IMPORT_BYTES, name = "import upload")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Import numbers (columns number, reason, client_id) from CSV or XLSX")
    public Response importNumbers(InputStream body, @QueryParam("format") String format, @QueryParam("mode") String mode,
            @QueryParam("async") boolean async, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @Context UriInfo uri) {
        return importRequests.handle(new DncImporter(em, dnc, caller.username()), body, format, contentType, mode, async,
                caller.username(), uri);
    }
}
