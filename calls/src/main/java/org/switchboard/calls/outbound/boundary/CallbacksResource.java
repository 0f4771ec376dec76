package org.switchboard.calls.outbound.boundary;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.calls.outbound.boundary.OutboundViews.CallbackView;
import org.switchboard.calls.outbound.control.CallLists;
import org.switchboard.calls.outbound.control.Callbacks;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;
import org.switchboard.leads.entity.Contact;

/**
 * Callbacks: an operator sees their own (and the pool's) due today; supervisors see all, the overdue ones first
 * among their worries, and reassign or move them. A callback ends only when a call keeps it or someone cancels it
 * with a reason.
 */
@Path("callbacks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
@Tag(name = "Outbound")
public class CallbacksResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callbacks callbacks;

    @Inject
    CallLists lists;

    @Inject
    Caller caller;

    @Inject
    AppClock clock;

    @Inject
    CallCentre callCentre;

    @GET
    @Transactional
    @Operation(summary = "Callbacks: due=today (and everything still open from before), owner, pool=true, overdue=true,"
            + " campaign, contactId, state (default OPEN); an operator sees their own, or the pool's")
    public Page<CallbackView> list(@QueryParam("due") String due, @QueryParam("owner") String owner,
            @QueryParam("pool") boolean pool, @QueryParam("overdue") boolean overdue,
            @QueryParam("campaign") String campaign, @QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("contactId") Long contactId) {
        LocalDate dueOn = null;
        if (due != null && !due.isBlank()) {
            try {
                dueOn = due.trim().equalsIgnoreCase("today") ? LocalDate.ofInstant(clock.now(), callCentre.zone())
                        : LocalDate.parse(due.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("due", "must be today or a day as YYYY-MM-DD");
            }
        }
        Callback.State wanted = Callback.State.OPEN;
        if (state != null && !state.isBlank()) {
            try {
                wanted = state.trim().equalsIgnoreCase("all") ? null : Callback.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "must be OPEN, DONE, CANCELLED or all");
            }
        }
        String whose = owner == null || owner.isBlank() ? null : owner.trim().toLowerCase(Locale.ROOT);
        if (onlyOperator()) {
            if (whose != null && !whose.equals(caller.username())) {
                throw ProblemException.forbidden("An operator sees their own callbacks and the pool's");
            }
            whose = pool ? null : caller.username();
        }
        Instant now = clock.now();
        Page<Callback> found = callbacks.list(new Callbacks.Filter(whose, pool, dueOn, overdue,
                org.switchboard.core.api.QueryParams.id("campaign", campaign), wanted,
                caller.readScope(), contactId), PageRequest.of(page, size, null, java.util.Map.of(), ""));
        return found.map(c -> view(c, now));
    }

    /** A callback planned by hand: on a list entry, or for a contact on a campaign's list (added when missing). */
    public record CallbackInput(Long entryId, Long campaignId, Long contactId, String dueAt, String owner, String note) {
    }

    @POST
    @Transactional
    @Operation(summary = "Plan a callback: {entryId | campaignId+contactId, dueAt (contact's local time, or with offset),"
            + " owner (username; absent = yourself for an operator, the pool otherwise), note}")
    public Response plan(CallbackInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send {\"entryId\",\"dueAt\",…}");
        }
        ListEntry entry;
        if (input.entryId() != null) {
            entry = em.find(ListEntry.class, input.entryId());
            if (entry == null || !caller.maySeeClient(lists.campaignClient(entry.getCampaignId()))) {
                throw ProblemException.notFound("There is no list entry " + input.entryId());
            }
            lists.workedCampaign(entry.getCampaignId());
        } else if (input.campaignId() != null && input.contactId() != null) {
            Campaign campaign = lists.workedCampaign(input.campaignId());
            Contact contact = em.find(Contact.class, input.contactId());
            if (contact == null || !contact.isActive()) {
                throw ProblemException.invalid("contactId", "names no active contact: " + input.contactId());
            }
            if (contact.mainNumber() == null) {
                throw ProblemException.invalid("contactId", "the contact has no phone number to call back");
            }
            entry = em.find(ListEntry.class, lists.add(campaign.getCode(), contact.getId(), null, "callback:" + caller.username()));
        } else {
            throw ProblemException.invalid("entryId", "is required, or campaignId and contactId");
        }
        // one open callback per entry: plans for one entry wait for each other here, and the later one finds the first
        em.refresh(entry, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry.isDone()) {
            throw ProblemException.conflict("Entry " + entry.getId() + " is done (" + entry.getLastOutcome() + ")");
        }
        Callback open = callbacks.openOn(entry.getId());
        if (open != null) {
            throw ProblemException.conflict("Entry " + entry.getId() + " already has an open callback, " + open.getId()
                    + ", due at " + open.getDueAt() + ": move it with PUT /api/callbacks/" + open.getId()
                    + " or cancel it first", view(open, clock.now()));
        }
        String owner = input.owner() == null || input.owner().isBlank()
                ? (onlyOperator() ? caller.username() : null) : input.owner().trim().toLowerCase(Locale.ROOT);
        if (onlyOperator() && owner != null && !owner.equals(caller.username())) {
            throw ProblemException.forbidden("An operator plans callbacks for themselves or the pool");
        }
        Callback callback = callbacks.plan(entry, Callbacks.dueAt(input.dueAt(), entry.zone(), "dueAt"), owner,
                input.note(), caller.username());
        return Response.created(URI.create("/api/callbacks/" + callback.getId())).entity(view(callback, clock.now())).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One callback")
    public CallbackView get(@PathParam("id") long id) {
        return view(visible(id), clock.now());
    }

    /** A reassignment: the new owner (null = the pool), a new due time, a note; with the version read. */
    public record Reassignment(String owner, String dueAt, String note, Long version) {
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Give a callback to another operator or the pool (owner null), or move it (SUPERVISOR)")
    public CallbackView reassign(@PathParam("id") long id, Reassignment input) {
        Callback callback = visible(id);
        if (input == null) {
            throw ProblemException.badRequest("Send {\"owner\",\"dueAt\",\"note\",\"version\"}");
        }
        ProblemException.requireVersion("Callback " + id, input.version(), callback.getVersion());
        ListEntry entry = em.find(ListEntry.class, callback.getEntryId());
        Instant due = input.dueAt() == null ? null : Callbacks.dueAt(input.dueAt(), entry.zone(), "dueAt");
        String owner = input.owner() == null || input.owner().isBlank() ? null : input.owner().trim().toLowerCase(Locale.ROOT);
        return view(callbacks.reassign(callback, owner, due, input.note()), clock.now());
    }

    public record Cancellation(String reason) {
    }

    @POST
    @Path("{id}/cancel")
    @Transactional
    @Operation(summary = "Cancel a callback, with the reason (its owner or a supervisor)")
    public CallbackView cancel(@PathParam("id") long id, Cancellation input) {
        Callback callback = visible(id);
        if (onlyOperator() && !caller.username().equals(callback.getOwner())) {
            throw ProblemException.forbidden("Only the callback's owner or a supervisor may cancel it");
        }
        return view(callbacks.cancel(callback, input == null ? null : input.reason(), caller.username()), clock.now());
    }

    private Callback visible(long id) {
        Callback callback = callbacks.find(id, caller.readScope());
        if (onlyOperator() && callback.getOwner() != null && !callback.getOwner().equals(caller.username())
                && !callback.isOverdue(clock.now())) {
            throw ProblemException.notFound("There is no callback " + id);
        }
        return callback;
    }

    private CallbackView view(Callback c, Instant now) {
        return CallbackView.of(c, em.find(ListEntry.class, c.getEntryId()).zone(), now);
    }

    private boolean onlyOperator() {
        return caller.has(Role.OPERATOR) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN);
    }
}
