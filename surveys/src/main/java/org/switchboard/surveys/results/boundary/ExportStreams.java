package org.switchboard.surveys.results.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.surveys.results.control.ResponseExport;

/**
 * The export's body is written after the resource method has returned, outside its transaction: this opens one
 * for the whole stream, so that all pages are read in one transaction on one connection.
 */
@ApplicationScoped
public class ExportStreams {

    @Inject
    ResponseExport export;

    @Inject
    CallCentre callCentre;

    @Transactional
    public void responses(long surveyId, TabularFormat format, OutputStream out) throws IOException {
        export.write(surveyId, format, out, callCentre.zone());
    }
}
