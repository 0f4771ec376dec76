package org.switchboard.reporting.qa.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.reporting.boundary.ReportFormat;
import org.switchboard.reporting.boundary.ReportRequests;
import org.switchboard.reporting.control.ReportQuery;
import org.switchboard.reporting.qa.control.QaFigures;

@Path("reports/qa")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Quality review")
public class QaReportResource {

    static final List<String> COLUMNS = List.of("operator", "reviews", "average_score", "good", "bad", "good_share",
            "bad_share");

    @Inject
    QaFigures figures;

    @Inject
    ReportRequests requests;

    @Inject
    CallCentre callCentre;

    @GET
    @Transactional
    @Produces({MediaType.APPLICATION_JSON, "text/csv", Uploads.XLSX})
    @Operation(summary = "Reviews per operator for calls of from–to (call-centre days): count, average score, good and "
            + "bad with their shares in percent; a corrected review counts by its last correction only. Filters: "
            + "operator, campaign (code), client (id). JSON, or CSV/XLSX with a totals row (format=csv|xlsx or Accept). "
            + "A CLIENT user sees its own client only")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator, @QueryParam("campaign") String campaign,
            @QueryParam("client") String client, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportFormat as = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        // the same period, narrowing and client scope as every other report
        ReportQuery q = requests.query(from, to, operator, null, campaign, client, null, null);
        List<QaFigures.Tally> tallies = figures.perOperator(new QaFigures.Filter(q.from(), q.to(), q.operator(),
                q.campaign(), q.clientId()));
        if (as == ReportFormat.JSON) {
            return Response.ok(tallies.stream().map(QaFigures.Tally::row).toList(), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        TabularFormat tabular = as.tabular();
        ZoneId zone = callCentre.zone();
        // the figures are read inside the transaction; only the writing is streamed
        StreamingOutput body = out -> {
            try (TabularWriter writer = TabularWriter.open(tabular, out, COLUMNS, zone)) {
                for (QaFigures.Tally tally : tallies) {
                    writer.row(cells(tally.row()));
                }
                writer.totals(cells(QaFigures.total(tallies, "Total").row()));
            }
        };
        return Response.ok(body, tabular.mediaType()).header("Content-Disposition",
                "attachment; filename=\"qa-" + q.from() + "-" + q.to() + "." + tabular.extension() + "\"").build();
    }

    private static List<Object> cells(QaFigures.Row row) {
        return new ArrayList<>(List.of(row.operator(), row.reviews(), row.averageScore(), row.good(), row.bad(),
                row.goodShare(), row.badShare()));
    }
}
