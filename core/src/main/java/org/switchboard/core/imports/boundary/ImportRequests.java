package org.switchboard.core.imports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.switchboard.core.imports.control.ImportMode;
import org.switchboard.core.imports.control.Imports;
import org.switchboard.core.imports.control.RowImporter;
import org.switchboard.core.tabular.TabularFormat;

/**
 * What every import endpoint does with its request: check the mode and format, spool the body, then run the
 * import (200 with the report) or start it in the background (202 with {@code Location: /api/imports/{id}}).
 */
@ApplicationScoped
public class ImportRequests {

    @Inject
    Imports imports;

    public Response handle(RowImporter importer, InputStream body, String format, MediaType contentType, String mode,
            boolean async, String username, UriInfo uri) {
        ImportMode importMode = ImportMode.of(mode);
        TabularFormat tabular = Uploads.format(format, contentType);
        Path file = Imports.spool(body);
        if (async) {
            long id = imports.start(importer, file, tabular, importMode, username);
            return Response.accepted(Map.of("id", id, "status", "RUNNING"))
                    .location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(id)).build()).build();
        }
        return Response.ok(imports.run(importer, file, tabular, importMode, username)).build();
    }
}
