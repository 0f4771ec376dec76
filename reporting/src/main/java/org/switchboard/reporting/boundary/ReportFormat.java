package org.switchboard.reporting.boundary;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.tabular.TabularFormat;

/** How a report is answered: JSON, or a spreadsheet (CSV, XLSX), by {@code ?format=} first, then by Accept. */
public enum ReportFormat {
    JSON, CSV, XLSX;

    public static ReportFormat of(String parameter, List<MediaType> accept) {
        if (parameter != null && !parameter.isBlank()) {
            try {
                return valueOf(parameter.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("format", "must be json, csv or xlsx");
            }
        }
        for (MediaType type : accept) {
            String name = type.getType() + "/" + type.getSubtype();
            if (name.equals(Uploads.XLSX)) {
                return XLSX;
            }
            if (name.equals("text/csv") || name.equals("application/csv")) {
                return CSV;
            }
            if (name.equals(MediaType.APPLICATION_JSON) || type.isWildcardType() || type.isWildcardSubtype()) {
                return JSON;
            }
        }
        return JSON;
    }

    public TabularFormat tabular() {
        return this == XLSX ? TabularFormat.XLSX : TabularFormat.CSV;
    }
}
