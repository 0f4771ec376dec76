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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.EventInput;
import org.switchboard.aftersales.boundary.AftersalesBodies.EventView;
import org.switchboard.aftersales.control.Events;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

/** Exhibitions and events clients are invited to by EVENT rules, and who accepted. */
@Path("aftersales/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN})
@Tag(name = "After-sales")
public class EventsResource {

    @Inject
    Events events;

    @POST
    @Transactional
    @Operation(summary = "Describe an event {name, date, place, inviteUntil (≤ date), description}")
    public Response create(EventInput input) {
        Event event = events.create(draft(input));
        return Response.created(URI.create("/api/aftersales/events/" + event.getId())).entity(EventView.of(event))
                .build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Events by date; from= leaves out those before a day; page, size, sort (date, name, id)")
    public Page<EventView> list(@QueryParam("from") String from, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, Map.of("date", "date", "name", "name", "id", "id"),
                "date");
        return events.list(QueryParams.date("from", from), request).map(EventView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "One event")
    public EventView get(@PathParam("id") long id) {
        return EventView.of(events.find(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Rewrite an event (send the version read; 409 when someone changed it since)")
    public EventView update(@PathParam("id") long id, EventInput input) {
        Event event = events.find(id);
        Events.Draft draft = draft(input);
        ProblemException.requireVersion("Event " + id, input.version(), event.getVersion());
        events.update(event, draft);
        return EventView.of(event);
    }

    @GET
    @Path("{id}/attendees")
    @Transactional
    @RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Contacts who accepted the invitation on a call: [{contactId, fullName, phone, acceptedAt,"
            + " taskId}] by name")
    public List<Events.Attendee> attendees(@PathParam("id") long id) {
        return events.attendees(events.find(id));
    }

    private static Events.Draft draft(EventInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the event: {\"name\",\"date\",\"place\",\"inviteUntil\",…}");
        }
        return new Events.Draft(input.name(), input.date(), input.place(), input.inviteUntil(), input.description());
    }
}
