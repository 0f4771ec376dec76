package org.switchboard.calls.meetings.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.calls.meetings.control.MeetingCalendar;
import org.switchboard.calls.meetings.control.Meetings;
import org.switchboard.calls.meetings.entity.Meeting;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.campaigns.control.Campaigns;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;

@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CLIENT})
@Tag(name = "Meetings", description = "Meetings of sales managers with contacts; calendars as iCalendar")
public class MeetingsResource {

    private static final String CALENDAR = MeetingCalendar.MEDIA_TYPE + ";charset=utf-8";

    @Inject
    Meetings meetings;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @Inject
    CallCentre callCentre;

    @Inject
    Campaigns campaigns;

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Book a meeting {contactId, manager (a SUPERVISOR's username), start, end, place, note, "
            + "callId?, campaign?}; 409 with `existing` when it overlaps another scheduled meeting of the manager")
    public Response book(MeetingInput input, @Context UriInfo uri) {
        checks.valid(input);
        List<Problem.Violation> violations = new ArrayList<>();
        if (input.state() == Meeting.State.CANCELLED) {
            violations.add(new Problem.Violation("state", "a meeting is booked SCHEDULED; cancel it with PUT"));
        }
        if (input.cancelReason() != null) {
            violations.add(new Problem.Violation("cancelReason", "is not sent when booking"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (input.campaign() != null && !input.campaign().isBlank()) {
            // the campaign decides which client sees the meeting: an operator books only in their own campaigns
            campaigns.byCode(input.campaign()).ifPresent(c -> campaigns.requireAssigned(c, caller));
        }
        Meeting meeting = meetings.book(input.booking(), caller.username());
        return Response.created(uri.getBaseUriBuilder().path("meetings").path(String.valueOf(meeting.getId())).build())
                .entity(MeetingView.of(meeting)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List meetings; filters manager, from/to (instants with offset, or call-centre days "
            + "YYYY-MM-DD, to inclusive: meetings overlapping the period), contactId, campaign, state; "
            + "sort start (default), end, createdAt, manager. An OPERATOR sees the meetings they booked, "
            + "a CLIENT those of its own campaigns")
    public Page<MeetingView> list(@QueryParam("manager") String manager, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("contactId") Long contactId,
            @QueryParam("campaign") String campaign, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, Meetings.SORTABLE, "start");
        Meeting.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = Meeting.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "must be SCHEDULED or CANCELLED");
            }
        }
        Instant fromInstant = instant("from", from, false);
        Instant toInstant = instant("to", to, true);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return meetings.list(new Meetings.Filter(manager, fromInstant, toInstant, contactId, campaign, wanted),
                viewer(), request).map(MeetingView::of);
    }

    /** A manager an operator can book a meeting with. */
    public record ManagerView(String username, String fullName) {
    }

    @GET
    @Path("managers")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The sales managers meetings can be booked with (enabled SUPERVISOR users), by name")
    public List<ManagerView> managers() {
        return meetings.managers().stream().map(u -> new ManagerView(u.getUsername(), u.getFullName())).toList();
    }

    @GET
    @Path("{id: \\d+}")
    @Transactional
    @Operation(summary = "One meeting; 404 for a meeting the caller may not see")
    public MeetingView get(@PathParam("id") long id) {
        return MeetingView.of(meetings.visible(id, viewer()));
    }

    @PUT
    @Path("{id: \\d+}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Change a meeting, with the version read (409 when stale): move it or rewrite it "
            + "(manager, start, end, place, note; 409 on overlap), or cancel it with state CANCELLED and a "
            + "cancelReason. contactId, callId and campaign cannot change")
    public MeetingView change(@PathParam("id") long id, MeetingInput input) {
        checks.valid(input);
        Meeting meeting = meetings.find(id);
        List<Problem.Violation> violations = new ArrayList<>();
        String fixed = "cannot change; cancel this meeting and book another";
        if (input.contactId() != null && input.contactId() != meeting.getContactId()) {
            violations.add(new Problem.Violation("contactId", fixed));
        }
        if (input.callId() != null && !input.callId().equals(meeting.getCallId())) {
            violations.add(new Problem.Violation("callId", fixed));
        }
        if (input.campaign() != null
                && !Campaigns.normalizeCode(input.campaign()).equals(meeting.getCampaign())) {
            violations.add(new Problem.Violation("campaign", fixed));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return MeetingView.of(meetings.change(id, input.change()));
    }

    @GET
    @Path("{id: \\d+}.ics")
    @Produces(CALENDAR)
    @Transactional
    @Operation(summary = "The meeting as an iCalendar file (one VEVENT; UID stable, SEQUENCE = version, "
            + "STATUS:CANCELLED when cancelled)")
    public Response ics(@PathParam("id") long id) {
        Meeting meeting = meetings.visible(id, viewer());
        String text = MeetingCalendar.write(null, meetings.entries(List.of(meeting)));
        return Response.ok(text, CALENDAR)
                .header("Content-Disposition", "inline; filename=\"meeting-" + id + ".ics\"").build();
    }

    @GET
    @Path("calendar/{manager}.ics")
    @Produces(CALENDAR)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "A manager's calendar feed for calendar programs (HTTP Basic): every meeting from "
            + "30 days ago on, cancelled ones as STATUS:CANCELLED")
    public Response feed(@PathParam("manager") String manager) {
        Meetings.Feed feed = meetings.feed(manager);
        return Response.ok(MeetingCalendar.write(feed.name(), feed.entries()), CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + manager.replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".ics\"").build();
    }

    private Meetings.Viewer viewer() {
        boolean onlyOperator = caller.has(Role.OPERATOR) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN);
        return new Meetings.Viewer(caller.readScope(), onlyOperator ? caller.username() : null);
    }

    /** An instant with offset, or a call-centre day: its start (for {@code to}, the start of the next day). */
    private Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space
        String v = value.trim().replace(' ', '+');
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return callCentre.startOf(endOfDay ? day.plusDays(1) : day);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an instant with offset (2026-12-01T09:00:00+03:00) "
                    + "or a date YYYY-MM-DD");
        }
    }
}
