package org.switchboard.reporting.qa.boundary;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.reporting.control.ReportingSettings;
import org.switchboard.reporting.qa.control.QaCalls;
import org.switchboard.reporting.qa.control.Sampling;

@Path("qa/sample")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Quality review", description = "Recordings to listen to, scorecards, reviews that are final once written")
public class QaSampleResource {

    @Inject
    QaCalls calls;

    @Inject
    ReportingSettings settings;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(summary = "The day's recordings to review: per operator a successful and a failed counted call with a "
            + "recording, then more up to the sample size (a setting); the same day always gives the same sample. "
            + "A CLIENT user gets a sample of its own calls")
    public List<SampleEntry> sample(@QueryParam("date") String date) {
        LocalDate day = QueryParams.requiredDate("date", date);
        return Sampling.pick(calls.sampleable(day, caller.readScope()), day, settings.current().qaSampleSize())
                .stream().map(SampleEntry::of).toList();
    }
}
