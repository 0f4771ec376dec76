package org.switchboard.leads.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.audit.control.AuditTrail;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.imports.boundary.ImportRequests;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.control.DoNotCallList;
import org.switchboard.leads.control.io.ContactImporter;
import org.switchboard.leads.control.io.Exports;
import org.switchboard.leads.entity.Contact;

@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Contacts", description = "The contact base: people, their phones, consent and do-not-call wishes")
public class ContactsResource {

    @Inject
    ContactBook book;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @Inject
    ImportRequests importRequests;

    @Inject
    Campaigns campaigns;

    @Inject
    DoNotCallList dnc;

    @Inject
    Exports exports;

    @Inject
    AuditTrail audit;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<org.switchboard.core.privacy.PersonalData> otherModules;

    @PersistenceContext
    EntityManager em;

    public record MergeRequest(@NotNull(message = "is required: the contact to fold into this one") Long sourceId) {
    }

    @POST
    @Transactional
    @Operation(summary = "Register a contact; 409 with a link when a phone or e-mail is already known, unless allowDuplicate=true")
    public Response create(ContactInput input, @QueryParam("allowDuplicate") boolean allowDuplicate,
            @Context UriInfo uri) {
        requireOwnCampaign(checks.valid(input), null);
        Contact contact = book.create(input, allowDuplicate, caller.username());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(contact.getId())).build())
                .entity(ContactView.of(contact)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
    @Operation(summary = "Find contacts by phone (any written form), q (name), company (id or name), tag or id "
            + "(repeat ?id= for up to 500 contacts at once); sort by fullName, createdAt, city, birthday")
    public Page<ContactView> list(@QueryParam("phone") String phone, @QueryParam("q") String q,
            @QueryParam("company") String company, @QueryParam("tag") String tag, @QueryParam("id") List<String> ids,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, ContactBook.SORTABLE, "fullName");
        return book.search(new ContactBook.Filter(phone, q, company, tag, scope(), ids(ids)), request)
                .map(ContactView::of);
    }

    static final int MAX_IDS = 500;

    /** The ?id= values as numbers (null when none is given); anything else is a 400 naming it. */
    static List<Long> ids(List<String> written) {
        if (written == null || written.isEmpty()) {
            return null;
        }
        if (written.size() > MAX_IDS) {
            throw ProblemException.invalid("id", "at most " + MAX_IDS + " ids at once, got " + written.size());
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (String id : written) {
            try {
                ids.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("id", "'" + id + "' is not a contact id");
            }
        }
        return ids;
    }

    @GET
    @Transactional
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
    @Operation(summary = "One contact; a CLIENT user gets 404 for contacts outside its campaigns")
    public ContactView get(@PathParam("id") long id) {
        return ContactView.of(book.visible(id, scope()));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a contact; send the version you read")
    public ContactView update(@PathParam("id") long id, ContactInput input,
            @QueryParam("allowDuplicate") boolean allowDuplicate) {
        requireOwnCampaign(checks.valid(input), book.visible(id, scope()).getSourceCampaign());
        return ContactView.of(book.update(id, input, allowDuplicate, caller.username(), scope()));
    }

    /**
     * The source campaign decides which client sees a contact: an operator names only a campaign they are assigned to
     * (403). Sending back the campaign the contact has already is no attribution, so an edit of anything else works.
     */
    private void requireOwnCampaign(ContactInput input, String current) {
        String named = input.sourceCampaign();
        if (named == null || named.isBlank() || Campaigns.normalizeCode(named).equals(current)) {
            return;
        }
        campaigns.byCode(named).ifPresent(c -> campaigns.requireAssigned(c, caller));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(summary = "Delete a contact: hidden from lists and searches; its calls and leads stay")
    public Response delete(@PathParam("id") long id) {
        book.delete(id, scope());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/merge")
    @Transactional
    @Operation(summary = "Fold contact sourceId into this one, keeping all calls, leads and history")
    public ContactView merge(@PathParam("id") long id, MergeRequest request) {
        return ContactView.of(book.merge(id, checks.valid(request).sourceId(), caller.username()));
    }

    @GET
    @Path("{id}/personal-data")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Everything held about a contact (152-FZ / GDPR access request)")
    public Map<String, Object> personalData(@PathParam("id") long id) {
        Contact contact = book.find(id);
        List<String> numbers = contact.getPhones().stream().map(p -> p.getNumber()).toList();
        Map<String, Object> everything = new java.util.LinkedHashMap<>();
        everything.put("contact", ContactView.of(contact));
        everything.put("leads", book.leadsOf(id).stream().map(LeadView::of).toList());
        everything.put("doNotCall", dnc.entriesFor(numbers).stream().map(DncResource.DncView::of).toList());
        everything.put("changes", audit.changes("Contact", id, PageRequest.of("0", "500", null,
                Map.of("revision", "revision"), "-revision")).items());
        // what other modules keep about the person (calls, …)
        otherModules.forEach(module -> everything.put(module.section(), module.about(id)));
        return everything;
    }

    @POST
    @Path("{id}/erase")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Erase a contact's personal data on request; statistics stay; the erasure is audited")
    public ContactView erase(@PathParam("id") long id) {
        return ContactView.of(book.erase(id));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", "application/csv", Uploads.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Import contacts from CSV or XLSX; mode=all-or-nothing imports nothing if a row is bad; "
            + "async=true answers 202 at once with the progress at Location")
    public Response importContacts(InputStream body, @QueryParam("format") String format,
            @QueryParam("mode") String mode, @QueryParam("async") boolean async,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, @Context UriInfo uri) {
        return importRequests.handle(new ContactImporter(em, campaigns, dnc, caller.username(),
                caller.isOnlyOperator() ? caller.username() : null), body, format,
                contentType, mode, async, caller.username(), uri);
    }

    @GET
    @Transactional
    @Path("export")
    @Produces({"text/csv", Uploads.XLSX, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.CLIENT})
    @Operation(summary = "Export contacts as CSV or XLSX (format=csv|xlsx or Accept); the columns import back; "
            + "phone, q, company and tag select the contacts as in the list")
    public Response export(@QueryParam("format") String format, @QueryParam("phone") String phone,
            @QueryParam("q") String q, @QueryParam("company") String company, @QueryParam("tag") String tag,
            @Context HttpHeaders headers) {
        TabularFormat tabular = Uploads.exportFormat(format, headers.getAcceptableMediaTypes());
        Optional<ContactBook.Criteria> criteria = book.criteria(new ContactBook.Filter(phone, q, company, tag, scope()));
        StreamingOutput body = out -> exports.contacts(tabular, out, criteria);
        return Response.ok(body, tabular.mediaType())
                .header("Content-Disposition", "attachment; filename=\"contacts." + tabular.extension() + "\"").build();
    }

    private Long scope() {
        return caller.readScope();
    }
}
