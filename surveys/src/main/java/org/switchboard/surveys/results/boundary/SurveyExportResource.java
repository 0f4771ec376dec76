package org.switchboard.surveys.results.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.surveys.entity.Survey;
import org.switchboard.surveys.results.control.ResponseReader;

/** Every response of a survey as a spreadsheet. */
@Path("surveys/{id}/export")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Survey results", description = "Figures per question, quotas, response rate, cross-tabs")
public class SurveyExportResource {

    @Inject
    ResponseReader reader;

    @Inject
    ExportStreams streams;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Produces({"text/csv", Uploads.XLSX, MediaType.APPLICATION_JSON})
    @Operation(summary = "Every response, any state, as CSV or XLSX (format=csv|xlsx or Accept): response_id, "
            + "contact_id, operator, version, state, started_at, ended_at, then one column per question code with "
            + "the answer as stored (MULTIPLE as a;b; numbers and dates typed in XLSX)")
    public Response export(@PathParam("id") long id, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        TabularFormat tabular = Uploads.exportFormat(format, headers.getAcceptableMediaTypes());
        Survey survey = reader.survey(id, caller.readScope());
        long surveyId = survey.getId();
        StreamingOutput body = out -> streams.responses(surveyId, tabular, out);
        return Response.ok(body, tabular.mediaType()).header("Content-Disposition",
                "attachment; filename=\"survey-" + surveyId + "-responses." + tabular.extension() + "\"").build();
    }
}
