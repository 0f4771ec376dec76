package org.switchboard.reporting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.switchboard.core.events.SchemaReady;
import org.switchboard.reporting.control.ReadModel;

/**
 * After an upgrade that gave the read model new facts (the evidence-integrity migration), copies every call and lead
 * again and recounts every day — with the code a threshold change runs — once, at start.
 */
@ApplicationScoped
public class ReportingUpgrade {

    private static final Logger LOG = Logger.getLogger(ReportingUpgrade.class.getName());

    @Inject
    ReadModel readModel;

    @Transactional
    void onReady(@Observes SchemaReady ready) {
        if (readModel.rebuildNeeded()) {
            ReadModel.Rebuilt rebuilt = readModel.rebuildAfterUpgrade();
            LOG.info(() -> "Reporting copied " + rebuilt.calls() + " calls and " + rebuilt.leads()
                    + " leads again and recounted every day (backing, thresholds in force)");
        }
    }
}
