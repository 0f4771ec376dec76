package org.switchboard.reporting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.switchboard.core.api.Json;
import org.switchboard.core.api.Page;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.CallsBehind;
import org.switchboard.reporting.control.ReportQuery;

/** The reports as spreadsheets: a header row, typed cells, a totals row where sums mean something. */
@ApplicationScoped
public class ReportTables {

    private static final int PAGE = 5000;

    @Inject
    CallCentre callCentre;

    public void operatorDays(TabularFormat format, OutputStream out, List<OperatorDayView> rows,
            OperatorDayView.TotalView centre) throws IOException {
        try (TabularWriter writer = TabularWriter.open(format, out, OperatorDayView.COLUMNS, callCentre.zone())) {
            for (OperatorDayView row : rows) {
                writer.row(row.cells());
            }
            List<Object> totals = centre.cells();
            totals.remove(3); // days: the operator-day table has no such column
            totals.add(0, "Total");
            writer.totals(totals);
        }
    }

    public void totals(TabularFormat format, OutputStream out, OperatorDayView.TotalsView view) throws IOException {
        try (TabularWriter writer = TabularWriter.open(format, out, OperatorDayView.TotalView.COLUMNS, callCentre.zone())) {
            for (OperatorDayView.TotalView row : view.operators()) {
                writer.row(row.cells());
            }
            List<Object> centre = view.centre().cells();
            centre.set(0, "Centre");
            writer.totals(centre);
        }
    }

    public void anomalies(TabularFormat format, OutputStream out, List<Anomaly> anomalies) throws IOException {
        try (TabularWriter writer = TabularWriter.open(format, out,
                List.of("date", "type", "operator", "extension", "detail", "evidence"), callCentre.zone())) {
            for (Anomaly a : anomalies) {
                writer.row(Arrays.asList(a.date(), a.type().name(), a.operator(), a.extension(), a.detail(),
                        Json.mapper().writeValueAsString(a.evidence())));
            }
            writer.totals(Arrays.asList(null, "Total", null, null, anomalies.size() + " anomalies", null));
        }
    }

    /** Every call behind the figure, page by page, so a month of calls streams in bounded memory. */
    public void calls(TabularFormat format, OutputStream out, CallsBehind calls, ReportQuery q, CallsBehind.Kind kind)
            throws IOException {
        try (TabularWriter writer = TabularWriter.open(format, out, List.of("callId", "startedAt", "date", "operator",
                "extension", "direction", "number", "campaign", "answered", "talkSeconds", "counted", "short", "long",
                "recorded", "outcome"), callCentre.zone())) {
            long count = 0;
            long talk = 0;
            for (int page = 0;; page++) {
                Page<CallsBehind.CallRow> rows = calls.list(q, kind, page, PAGE);
                for (CallsBehind.CallRow r : rows.items()) {
                    writer.row(new ArrayList<>(Arrays.asList(r.callId(), r.startedAt(), r.date(), r.operator(),
                            r.extension(), r.direction(), r.number(), r.campaign(), r.answered(), r.talkSeconds(),
                            r.counted(), r.shortCall(), r.longCall(), r.recorded(), r.outcome())));
                    count++;
                    talk += r.talkSeconds();
                }
                if (rows.items().size() < PAGE) {
                    break;
                }
            }
            writer.totals(Arrays.asList(count, "Total", null, null, null, null, null, null, null, talk, null, null,
                    null, null, null));
        }
    }
}
