package org.switchboard.core.imports.boundary;

import jakarta.ws.rs.core.MediaType;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.tabular.TabularFormat;

/** Media types an import accepts, and the format a request names or implies. */
public final class Uploads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Uploads() {
    }

    /** The format from {@code ?format=}, else from the content type; null lets the engine tell by the bytes. */
    public static TabularFormat format(String parameter, MediaType contentType) {
        if (parameter != null && !parameter.isBlank()) {
            TabularFormat named = TabularFormat.named(parameter);
            if (named == null) {
                throw ProblemException.invalid("format", "must be csv or xlsx");
            }
            return named;
        }
        if (contentType == null) {
            return null;
        }
        String type = contentType.getType() + "/" + contentType.getSubtype();
        if (type.equals(XLSX)) {
            return TabularFormat.XLSX;
        }
        if (type.equals("text/csv") || type.equals("application/csv")) {
            return TabularFormat.CSV;
        }
        return null;
    }

    /** The format of an export: {@code ?format=}, else the Accept header, else CSV. */
    public static TabularFormat exportFormat(String parameter, java.util.List<MediaType> accept) {
        if (parameter != null && !parameter.isBlank()) {
            TabularFormat named = TabularFormat.named(parameter);
            if (named == null) {
                throw ProblemException.invalid("format", "must be csv or xlsx");
            }
            return named;
        }
        for (MediaType type : accept) {
            if ((type.getType() + "/" + type.getSubtype()).equals(XLSX)) {
                return TabularFormat.XLSX;
            }
        }
        return TabularFormat.CSV;
    }
}
