package org.switchboard.aftersales.boundary;

import org.switchboard.core.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.TaskView;
import org.switchboard.aftersales.control.Offers;
import org.switchboard.aftersales.control.Rules;
import org.switchboard.aftersales.control.Tasks;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.calling.CallLists;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

/** The calls the rules made, with the script and offer an operator tells on the entry being worked. */
@Path("aftersales/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MARKETER, Roles.SUPERVISOR, Roles.ADMIN, Roles.OPERATOR})
@Tag(name = "After-sales")
public class TasksResource {

    @Inject
    Tasks tasks;

    @Inject
    Rules rules;

    @Inject
    Offers offers;

    @Inject
    Caller caller;

    @Inject
    CallLists lists;

    @GET
    @Transactional
    @Operation(summary = "Tasks by call day; rule=, from=/to= (call days), entry= (a call-list entry), state="
            + " (OPEN|REACHED|NOT_REACHED|DECLINED|ACCEPTED|CLOSED); page, size, sort (callDay, occasionDate, id)."
            + " An OPERATOR must name the entry they hold (entry=; 400 without it, 403 for another)")
    public Page<TaskView> list(@QueryParam("rule") String rule, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("entry") String entry, @QueryParam("state") String state,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        LocalDate fromDay = QueryParams.date("from", from);
        LocalDate toDay = QueryParams.date("to", to);
        QueryParams.period(fromDay, toDay);
        PageRequest request = PageRequest.of(page, size, sort,
                Map.of("callDay", "callDay", "occasionDate", "occasionDate", "id", "id"), "callDay");
        Long entryId = QueryParams.id("entry", entry);
        if (caller.isOnlyOperator()) {
            // tasks carry offer codes: an operator sees the tasks of the entry they are working, no others
            if (entryId == null) {
                throw ProblemException.invalid("entry", "is required: the call-list entry you hold (an operator sees"
                        + " the tasks and offers of the entry being worked)");
            }
            OffersResource.requireHeld(lists, caller, entryId);
        }
        Page<Task> found = tasks.list(new Tasks.Filter(QueryParams.id("rule", rule), fromDay, toDay, entryId,
                QueryParams.oneOf(Task.State.class, "state", state)), request);
        Map<Long, Rule> byId = rules.byIds(found.items().stream().map(Task::getRuleId).distinct().toList());
        Map<String, Offer> offersByCode = offers.byCodes(found.items().stream().map(Task::getOfferCode)
                .filter(Objects::nonNull).distinct().toList());
        return found.map(t -> TaskView.of(t, byId.get(t.getRuleId()),
                t.getOfferCode() == null ? null : offersByCode.get(t.getOfferCode())));
    }
}
