package org.switchboard.reporting.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.settings.control.ThresholdTimeline;
import org.switchboard.reporting.control.Anomalies;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.CallsBehind;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.ReadModel;
import org.switchboard.reporting.control.ReportQuery;
import org.switchboard.reporting.control.Totals;

/**
 * The control reports: operator-day figures and their totals, the calls behind a figure, anomalies — as JSON,
 * CSV or XLSX. Every report takes the same narrowing parameters; see {@link ReportRequests} for who may ask what.
 */
@Path("reports")
@Produces({MediaType.APPLICATION_JSON, "text/csv", Uploads.XLSX})
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT, Roles.OPERATOR})
@Tag(name = "Reports", description = "Operator-day figures, totals, anomalies and the calls behind them")
public class ReportsResource {

    @Inject
    ReportRequests requests;

    @Inject
    OperatorDays operatorDays;

    @Inject
    Anomalies anomalies;

    @Inject
    CallsBehind callsBehind;

    @Inject
    CallCentre callCentre;

    @Inject
    ReportTables tables;

    @Inject
    ReadModel readModel;

    @GET
    @Path("operator-days")
    @Operation(summary = "Figures per operator and call-centre day (format=json|csv|xlsx, or by Accept)")
    public Response operatorDays(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator, @QueryParam("team") String team,
            @QueryParam("campaign") String campaign, @QueryParam("client") String client,
            @QueryParam("minTalkSeconds") String minTalk, @QueryParam("longCallSeconds") String longCall,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportFormat as = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        ReportQuery q = requests.query(from, to, operator, team, campaign, client, minTalk, longCall);
        List<OperatorDays.Figures> figures = operatorDays.rows(q);
        ThresholdTimeline timeline = operatorDays.timeline();
        List<OperatorDayView> rows = figures.stream().map(f -> {
            ThresholdTimeline.InForce t = timeline.of(q.campaign(), f.date());
            return OperatorDayView.of(f, q.minTalkSeconds() != null ? q.minTalkSeconds() : t.minTalkSeconds(),
                    q.longCallSeconds() != null ? q.longCallSeconds() : t.longCallSeconds());
        }).toList();
        if (as == ReportFormat.JSON) {
            return Response.ok(rows, MediaType.APPLICATION_JSON).build();
        }
        OperatorDayView.TotalView centre = OperatorDayView.TotalView.of(Totals.of(figures).centre());
        return file(as, "operator-days", q, out -> tables.operatorDays(as.tabular(), out, rows, centre));
    }

    @GET
    @Path("operator-days/totals")
    @Operation(summary = "Totals per operator and for the whole centre over the period (same parameters)")
    public Response totals(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator, @QueryParam("team") String team,
            @QueryParam("campaign") String campaign, @QueryParam("client") String client,
            @QueryParam("minTalkSeconds") String minTalk, @QueryParam("longCallSeconds") String longCall,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportFormat as = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        ReportQuery q = requests.query(from, to, operator, team, campaign, client, minTalk, longCall);
        Totals.Summary summary = Totals.of(operatorDays.rows(q));
        OperatorDayView.TotalsView view = new OperatorDayView.TotalsView(q.from(), q.to(),
                summary.operators().stream().map(OperatorDayView.TotalView::of).toList(),
                OperatorDayView.TotalView.of(summary.centre()));
        if (as == ReportFormat.JSON) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return file(as, "operator-totals", q, out -> tables.totals(as.tabular(), out, view));
    }

    @GET
    @Path("calls")
    @Operation(summary = "The calls behind a figure: kind=all|answered|counted|short|long for an operator and a day"
            + " (or from/to), with links to the recordings")
    public Response calls(@QueryParam("operator") String operator, @QueryParam("date") String date,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("kind") String kind,
            @QueryParam("team") String team, @QueryParam("campaign") String campaign,
            @QueryParam("client") String client, @QueryParam("minTalkSeconds") String minTalk,
            @QueryParam("longCallSeconds") String longCall, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportFormat as = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        CallsBehind.Kind figure = CallsBehind.Kind.named(kind);
        if (figure == null) {
            throw ProblemException.invalid("kind", "must be all, answered, counted, short or long");
        }
        LocalDate day = ReportRequests.date("date", date, false);
        if (day == null && (ReportRequests.blank(from) == null || ReportRequests.blank(to) == null)) {
            throw ProblemException.invalid("date", "is required (YYYY-MM-DD), or give from and to");
        }
        String first = day != null ? day.toString() : from;
        String last = day != null ? day.toString() : to;
        ReportQuery q = requests.query(first, last, operator, team, campaign, client, minTalk, longCall);
        if (as != ReportFormat.JSON) {
            return file(as, "calls", q, out -> tables.calls(as.tabular(), out, callsBehind, q, figure));
        }
        PageRequest paging = PageRequest.of(page, size, null, java.util.Map.of(), "");
        Page<CallsBehind.CallRow> rows = callsBehind.list(q, figure, paging.page(), paging.size());
        return Response.ok(rows.map(CallRowView::of), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("anomalies")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
    @Operation(summary = "Anomalies of the period (LEAD_SPIKE, UNBACKED_LEADS, SHORT_CALLS, LONG_CALLS, REPEAT_DIALS,"
            + " PLAN_MISS, SHARED_CALL, LATE_LEAD, LEADS_WITHOUT_CALLS, RECORDING_REPLACED, OUTCOME_WITHOUT_CALL) with the"
            + " evidence that raised them, each day judged with the thresholds in force on it")
    public Response anomalies(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("operator") String operator, @QueryParam("team") String team,
            @QueryParam("campaign") String campaign, @QueryParam("client") String client,
            @QueryParam("minTalkSeconds") String minTalk, @QueryParam("longCallSeconds") String longCall,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportFormat as = ReportFormat.of(format, headers.getAcceptableMediaTypes());
        ReportQuery q = requests.query(from, to, operator, team, campaign, client, minTalk, longCall);
        List<Anomaly> found = anomalies.find(q);
        if (as == ReportFormat.JSON) {
            return Response.ok(found, MediaType.APPLICATION_JSON).build();
        }
        return file(as, "anomalies", q, out -> tables.anomalies(as.tabular(), out, found));
    }

    @POST
    @Path("rebuild")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Copy every call and lead again from their modules and recount every operator-day (ADMIN)")
    public ReadModel.Rebuilt rebuild() {
        return readModel.rebuild();
    }

    private Response file(ReportFormat as, String name, ReportQuery q, StreamingOutput body) {
        return Response.ok(body, as.tabular().mediaType()).header("Content-Disposition", "attachment; filename=\""
                + name + "-" + q.from() + "-" + q.to() + "." + as.tabular().extension() + "\"").build();
    }
}
