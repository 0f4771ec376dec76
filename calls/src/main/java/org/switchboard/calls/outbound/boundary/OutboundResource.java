package org.switchboard.calls.outbound.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.limits.BodyLimit;
import org.switchboard.core.limits.Limits;
import org.switchboard.calls.outbound.boundary.OutboundViews.EntryView;
import org.switchboard.calls.outbound.boundary.OutboundViews.OfferView;
import org.switchboard.calls.outbound.boundary.OutboundViews.RulesBody;
import org.switchboard.calls.outbound.control.CallLists;
import org.switchboard.calls.outbound.control.ListImporter;
import org.switchboard.calls.outbound.control.NextCalls;
import org.switchboard.calls.outbound.control.Outcomes;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.ImportRequests;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.leads.control.ContactBook;
import org.switchboard.leads.entity.Contact;

/** A campaign's outbound work: its call list, rules, the next-call queue and the wrap-up of each call. */
@Path("campaigns/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER})
@Tag(name = "Outbound", description = "Call lists, the next-call queue, outcomes")
public class OutboundResource {

    private static final int SEARCH_LIMIT = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallLists lists;

    @Inject
    NextCalls queue;

    @Inject
    Outcomes outcomes;

    @Inject
    ContactBook contacts;

    @Inject
    Caller caller;

    @Inject
    ImportRequests importRequests;

    /** Contacts to put on the list: ids, or a contact search (the same filters as GET /api/contacts). */
    public record ListInput(List<Long> contactIds, Search search) {
    }

    public record Search(String phone, String q, String company, String tag) {
    }

    /** The list with its progress. */
    public record ListView(long total, long done, long pending, long inRetry, long exhausted, long blockedByDnc,
            long openCallbacks, Page<EntryView> entries) {
    }

    @GET
    @Path("list")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.CLIENT, Roles.OPERATOR})
    @Operation(summary = "The call list with its progress (total, done, pending, in retry, exhausted, blocked by DNC)")
    public ListView list(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        Campaign campaign = lists.workedCampaign(id);
        CallLists.Progress p = lists.progress(campaign);
        Page<EntryView> entries = lists.entries(campaign, PageRequest.of(page, size, null, java.util.Map.of(), ""))
                .map(EntryView::of);
        return new ListView(p.total(), p.done(), p.pending(), p.inRetry(), p.exhausted(), p.blockedByDnc(),
                p.openCallbacks(), entries);
    }

    @POST
    @Path("list")
    @Transactional
    @Operation(summary = "Put contacts on the call list: {\"contactIds\":[…]} or {\"search\":{\"q\",\"tag\",\"company\",\"phone\"}}")
    public CallLists.Added add(@PathParam("id") long id, ListInput input) {
        Campaign campaign = lists.outboundCampaign(id);
        if (input == null || (input.contactIds() == null && input.search() == null)) {
            throw ProblemException.badRequest("Send {\"contactIds\":[…]} or {\"search\":{…}}");
        }
        if (input.contactIds() != null && input.contactIds().size() > Limits.CONTACT_IDS) {
            throw Limits.exceeded("contactIds", "has " + input.contactIds().size() + " ids; at most " + Limits.CONTACT_IDS
                    + " a request (send the rest in further requests, or put them on the list by a search)");
        }
        Set<Long> ids = new LinkedHashSet<>();
        if (input.contactIds() != null) {
            ids.addAll(input.contactIds());
        }
        if (input.search() != null) {
            Search s = input.search();
            ContactBook.Filter filter = new ContactBook.Filter(s.phone(), s.q(), s.company(), s.tag(), caller.readScope());
            for (int page = 0; ids.size() < SEARCH_LIMIT; page++) {
                List<Contact> found = contacts.search(filter, new PageRequest(page, PageRequest.MAX_SIZE, List.of())).items();
                found.forEach(c -> ids.add(c.getId()));
                if (found.size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        return lists.add(campaign, new ArrayList<>(ids), "added:" + caller.username());
    }

    @POST
    @Path("list/import")
    @Consumes({"text/csv", "application/csv", Uploads.XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @BodyLimit(value = Limits.IMPORT_BYTES, name = "import upload")
    @Operation(summary = "Import a call list from CSV or XLSX: phone, and name for numbers no contact has yet")
    public Response importList(@PathParam("id") long id, InputStream body, @QueryParam("format") String format,
            @QueryParam("mode") String mode, @QueryParam("async") boolean async,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, @Context UriInfo uri) {
        Campaign campaign = lists.outboundCampaign(id);
        return importRequests.handle(new ListImporter(campaign, lists, contacts, caller.username()), body, format,
                contentType, mode, async, caller.username(), uri);
    }

    @GET
    @Path("outbound")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.OPERATOR})
    @Operation(summary = "The campaign's outbound rules: script, attempts, retries, calling window, consent, lock, grace")
    public RulesBody rules(@PathParam("id") long id) {
        return RulesBody.of(lists.rules(lists.workedCampaign(id).getId()));
    }

    @PUT
    @Path("outbound")
    @Transactional
    @Operation(summary = "Change the outbound rules; send the version you read")
    public RulesBody changeRules(@PathParam("id") long id, RulesBody body) {
        Campaign campaign = lists.outboundCampaign(id);
        if (body == null || body.maxAttempts() == null || body.retryNoAnswerMinutes() == null
                || body.retryBusyMinutes() == null || body.windowStart() == null || body.windowEnd() == null
                || body.needsConsent() == null || body.lockMinutes() == null || body.callbackGraceMinutes() == null) {
            throw ProblemException.badRequest("Send every rule: maxAttempts, retryNoAnswerMinutes, retryBusyMinutes,"
                    + " windowStart, windowEnd, needsConsent, lockMinutes, callbackGraceMinutes (and script, version)");
        }
        OutboundRules rules = lists.editableRules(campaign.getId());
        if (body.version() != null) {
            ProblemException.requireVersion("The outbound rules of " + campaign.getCode(), body.version(), rules.getVersion());
        }
        try {
            rules.change(body.script(), body.maxAttempts(), body.retryNoAnswerMinutes(), body.retryBusyMinutes(),
                    body.windowStart(), body.windowEnd(), body.needsConsent(), body.lockMinutes(),
                    body.callbackGraceMinutes());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The rules do not hold: " + e.getMessage());
        }
        em.flush();
        return RulesBody.of(rules);
    }

    @POST
    @Path("next")
    @Transactional
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "The next person to call, held for you for a few minutes; 204 when there is nobody to call now")
    public Response next(@PathParam("id") long id) {
        Campaign campaign = lists.outboundCampaign(id);
        return queue.next(campaign, caller.username()).map(o -> Response.ok(OfferView.of(o)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** A meeting to book with outcome MEETING. */
    public record MeetingInput(String manager, OffsetDateTime start, OffsetDateTime end, String place) {
    }

    /** A lead to create with outcome INTERESTED. */
    public record LeadInput(BigDecimal estimatedValue) {
    }

    /**
     * The wrap-up: outcome, note, and what the outcome needs (callbackAt, meeting, email; templateId chooses the
     * info e-mail template for SEND_INFO instead of the campaign's default).
     */
    public record OutcomeInput(String outcome, String callbackAt, String callbackTo, String note, Long callId,
            LeadInput lead, MeetingInput meeting, String email, Long templateId) {
    }

    /** What the wrap-up did. */
    public record OutcomeView(EntryView entry, long callId, Long callbackId, Long leadId, Long meetingId, Long mailId) {
    }

    @POST
    @Path("entries/{entryId}/outcome")
    @Transactional
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Record the outcome of a call: NO_ANSWER, BUSY, WRONG_NUMBER, NOT_INTERESTED, CALLBACK"
            + " (callbackAt, callbackTo own|pool), INTERESTED (lead), MEETING (meeting), SEND_INFO (email, templateId),"
            + " DNC_REQUEST, COMPLETED. An operator only on the entry they hold (taken with POST …/next), else 409;"
            + " a SUPERVISOR or ADMIN on any open entry, kept in the tamper trail. callId: the operator's own call with"
            + " the entry's number that backs no other outcome, else 400")
    public OutcomeView outcome(@PathParam("id") long id, @PathParam("entryId") long entryId, OutcomeInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send {\"outcome\":…}");
        }
        Campaign campaign = lists.outboundCampaign(id);
        boolean toPool = input.callbackTo() != null && input.callbackTo().trim().equalsIgnoreCase("pool");
        if (input.callbackTo() != null && !toPool && !input.callbackTo().trim().equalsIgnoreCase("own")) {
            throw ProblemException.invalid("callbackTo", "must be own or pool");
        }
        MeetingInput m = input.meeting();
        Outcomes.Wrapup wrapup = new Outcomes.Wrapup(Outcomes.outcome(input.outcome()), input.callbackAt(), toPool,
                input.note(), input.callId(), input.lead() == null ? null : input.lead().estimatedValue(),
                m == null ? null : m.manager(), m == null ? null : m.start(), m == null ? null : m.end(),
                m == null ? null : m.place(), input.email(), input.templateId());
        User operator = em.find(User.class, caller.userId());
        // a supervisor or admin may enter the outcome of an entry they do not hold, for its operator (kept in the trail)
        boolean mayRecordForOthers = caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN);
        Outcomes.Recorded r = outcomes.record(campaign, entryId, wrapup, operator, mayRecordForOthers);
        return new OutcomeView(EntryView.of(r.entry()), r.callId(), r.callbackId(), r.leadId(), r.meetingId(), r.mailId());
    }
}
