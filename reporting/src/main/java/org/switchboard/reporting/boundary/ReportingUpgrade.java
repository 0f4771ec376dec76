package org.switchboard.reporting.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.events.SchemaReady;
import org.switchboard.reporting.control.ReadModel;

/**
 * After an upgrade that gave the read model new facts (the evidence-integrity migration), copies every call and lead
 * again and recounts every day — with the code a threshold change runs — once, in the background after the start, so
 * a large installation starts at once (its reports show the old copies until the rebuild commits). A failed rebuild
 * leaves the flag set: the next start tries again, and an ADMIN can run {@code POST /api/reports/rebuild}.
 */
@ApplicationScoped
public class ReportingUpgrade {

    private static final Logger LOG = Logger.getLogger(ReportingUpgrade.class.getName());
    /** A rebuild reads every call once: an hour is room for tens of millions. */
    private static final int TIMEOUT_SECONDS = 3600;

    @Inject
    ReadModel readModel;

    @Resource
    ManagedExecutorService executor;

    @Resource
    UserTransaction tx;

    void onReady(@Observes SchemaReady ready) {
        if (readModel.rebuildNeeded()) {
            executor.submit(this::rebuild);
        }
    }

    void rebuild() {
        try {
            tx.setTransactionTimeout(TIMEOUT_SECONDS);
            tx.begin();
            ReadModel.Rebuilt rebuilt = readModel.rebuildAfterUpgrade();
            tx.commit();
            LOG.info(() -> "Reporting copied " + rebuilt.calls() + " calls and " + rebuilt.leads()
                    + " leads again and recounted every day (backing, thresholds in force)");
        } catch (Exception e) {
            rollback();
            LOG.log(Level.SEVERE, "Rebuilding reporting's read model after the upgrade failed; it is tried again at the"
                    + " next start, or run POST /api/reports/rebuild", e);
        } finally {
            try {
                tx.setTransactionTimeout(0);
            } catch (SystemException ignored) {
                // back to the default on the next transaction of this thread anyway
            }
        }
    }

    private void rollback() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception ignored) {
            // nothing more to undo
        }
    }
}
