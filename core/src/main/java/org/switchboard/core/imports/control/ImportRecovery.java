package org.switchboard.core.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.switchboard.core.events.SchemaReady;

/**
 * At start, ends the imports the server stopped in the middle of (a crash, {@code kill -9}, a power cut): they are
 * marked {@code FAILED} with the rows stored so far and what to do, never left {@code RUNNING}. Posting the same file
 * again completes such an import, since every importer recognises the rows it stored already.
 */
@ApplicationScoped
public class ImportRecovery {

    private static final Logger LOG = Logger.getLogger(ImportRecovery.class.getName());

    @Inject
    ImportJobs jobs;

    void onReady(@Observes SchemaReady ready) {
        jobs.failInterrupted().forEach(job -> LOG.warning(() -> "Import " + job.getId() + " (" + job.getKind() + ", by "
                + job.getUsername() + ") was running when the server stopped: " + job.getMessage()));
    }
}
