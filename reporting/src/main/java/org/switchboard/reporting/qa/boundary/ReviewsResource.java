package org.switchboard.reporting.qa.boundary;

import org.switchboard.core.api.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.reporting.qa.boundary.ReviewBodies.ReviewInput;
import org.switchboard.reporting.qa.boundary.ReviewBodies.ReviewView;
import org.switchboard.reporting.qa.control.Reviews;
import org.switchboard.reporting.qa.entity.Review;

/** Reviews are written once: there is no PUT or DELETE here, a correction is a new review. */
@Path("qa/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Quality review")
public class ReviewsResource {

    @Inject
    Reviews reviews;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Operation(summary = "Review a call's recording with a scorecard; final once written. score = points obtained / "
            + "points possible × 100; GOOD when score ≥ pass mark and no fatal criterion scored 0. To put a review "
            + "right, post a new one with corrects = its id. A CLIENT user reviews only its own client's calls")
    public Response create(ReviewInput input, @Context UriInfo uri) {
        checks.valid(input);
        Review review = reviews.write(new Reviews.Request(input.callId(), input.scorecardId(), input.scores(),
                input.comment(), input.corrects()), new Reviews.Reviewer(caller.username(), caller.readScope()),
                Instant.now());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(review.getId())).build())
                .entity(ReviewView.of(review, null)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List reviews; filter by callId, operator, from/to (call-centre days of the calls)")
    public Page<ReviewView> list(@QueryParam("callId") String callId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("operator") String operator, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, Reviews.SORTABLE, "-at");
        LocalDate first = QueryParams.date("from", from);
        LocalDate last = QueryParams.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Page<Review> found = reviews.list(new Reviews.Filter(QueryParams.id("callId", callId), first, last, QueryParams.text(operator)),
                caller.readScope(), request);
        Map<Long, Long> corrected = reviews.correctedBy(found.items().stream().map(Review::getId).toList());
        return found.map(r -> ReviewView.of(r, corrected.get(r.getId())));
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One review, with the criteria as they were scored; a CLIENT user gets 404 for another "
            + "client's")
    public ReviewView get(@PathParam("id") long id) {
        Review review = reviews.visible(id, caller.readScope());
        return ReviewView.of(review, reviews.correctedBy(List.of(id)).get(id));
    }
}
