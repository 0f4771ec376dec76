package org.switchboard.reporting.digest.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.Counts;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.Totals;
import org.switchboard.core.integrity.DaySeals;
import org.switchboard.reporting.qa.control.QaFigures;

/**
 * A client's digest of one day as an e-mail: a subject, a plain-text body and the same as HTML tables, ending with the
 * day's seal over the PBX's call records (null when the calls module is absent): the client keeps it and can later
 * check that the records of that day were not changed (GET /api/integrity/verify).
 */
public record DigestText(String client, LocalDate day, List<OperatorDays.Figures> rows, Totals.Total centre,
        List<Anomaly> anomalies, List<QaFigures.Tally> reviews, DaySeals.Seal seal) {

    public DigestText(String client, LocalDate day, List<OperatorDays.Figures> rows, Totals.Total centre,
            List<Anomaly> anomalies, List<QaFigures.Tally> reviews) {
        this(client, day, rows, centre, anomalies, reviews, null);
    }

    /** The seal in words, for both bodies. */
    public String sealText() {
        if (seal == null) {
            return "";
        }
        return "Call records of " + day + ": " + seal.records() + " PBX records, records hash " + seal.recordsHash()
                + ", chain hash (SHA-256) " + seal.chainHash() + ". Keep this line: GET /api/integrity/verify?from=" + day
                + "&to=" + day + " recomputes it from the records as they are stored then.";
    }

    private static final List<String> DAY_COLUMNS = List.of("Operator", "Ext.", "Calls", "Counted", "Short", "Long",
            "Avg talk, s", "Leads", "Plan", "Plan %", "Conversion");
    private static final List<String> QA_COLUMNS = List.of("Operator", "Reviews", "Average score", "Good", "Bad");

    public String subject() {
        return "Switchboard: " + client + ", " + day + " — " + centre.counts().counted() + " counted calls, "
                + centre.counts().leads() + " leads, " + anomalies.size() + " anomalies";
    }

    public String plain() {
        StringBuilder b = new StringBuilder();
        b.append(client).append(", ").append(day).append("\n\nOperators\n");
        table(b, DAY_COLUMNS, dayCells());
        b.append("\nAnomalies\n");
        if (anomalies.isEmpty()) {
            b.append("none\n");
        }
        for (Anomaly a : anomalies) {
            b.append("- ").append(a.type()).append(a.operator() == null ? "" : " " + a.operator()).append(": ")
                    .append(a.detail()).append('\n');
        }
        b.append("\nQuality review\n");
        if (reviews.isEmpty()) {
            b.append("no reviews\n");
        } else {
            table(b, QA_COLUMNS, qaCells());
        }
        b.append("\nThe table is attached as a spreadsheet.\n");
        if (seal != null) {
            b.append("\n").append(sealText()).append('\n');
        }
        return b.toString();
    }

    public String html() {
        StringBuilder b = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        b.append("<h2>").append(escape(client)).append(", ").append(day).append("</h2><h3>Operators</h3>");
        htmlTable(b, DAY_COLUMNS, dayCells());
        b.append("<h3>Anomalies</h3>");
        if (anomalies.isEmpty()) {
            b.append("<p>none</p>");
        } else {
            b.append("<ul>");
            for (Anomaly a : anomalies) {
                b.append("<li><b>").append(a.type()).append("</b> ").append(escape(a.operator() == null ? "" : a.operator()))
                        .append(": ").append(escape(a.detail())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<h3>Quality review</h3>");
        if (reviews.isEmpty()) {
            b.append("<p>no reviews</p>");
        } else {
            htmlTable(b, QA_COLUMNS, qaCells());
        }
        b.append("<p>The table is attached as a spreadsheet.</p>");
        if (seal != null) {
            b.append("<p style=\"font-family:monospace\">").append(escape(sealText())).append("</p>");
        }
        return b.append("</body></html>").toString();
    }

    private List<List<String>> dayCells() {
        List<List<String>> cells = new ArrayList<>();
        for (OperatorDays.Figures f : rows) {
            cells.add(day(f.operator(), f.extension(), f.counts(), f.planCalls(), f.planPercent()));
        }
        cells.add(day("Total", "", centre.counts(), centre.planCalls(), centre.planPercent()));
        return cells;
    }

    private static List<String> day(String operator, String extension, Counts n, long plan, Double planPercent) {
        return List.of(operator, extension == null ? "" : extension, String.valueOf(n.calls()), String.valueOf(n.counted()),
                String.valueOf(n.shortCalls()), String.valueOf(n.longCalls()), String.valueOf(n.avgTalkSeconds()),
                String.valueOf(n.leads()), plan == 0 ? "" : String.valueOf(plan), planPercent == null ? "" : planPercent.toString(),
                n.conversion() == null ? "" : n.conversion().toString());
    }

    private List<List<String>> qaCells() {
        List<List<String>> cells = new ArrayList<>();
        for (QaFigures.Tally tally : reviews) {
            QaFigures.Row r = tally.row();
            cells.add(List.of(r.operator(), String.valueOf(r.reviews()), r.averageScore().toPlainString(),
                    String.valueOf(r.good()), String.valueOf(r.bad())));
        }
        return cells;
    }

    private static void table(StringBuilder b, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(b, header, widths);
        for (List<String> row : rows) {
            line(b, row, widths);
        }
    }

    private static void line(StringBuilder b, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            b.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length()) : " ".repeat(widths[i] - cell.length()) + cell);
            b.append(i + 1 < cells.size() ? "  " : "\n");
        }
    }

    private static void htmlTable(StringBuilder b, List<String> header, List<List<String>> rows) {
        b.append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr>");
        header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr>");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(cell -> b.append("<td>").append(escape(cell)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</table>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
