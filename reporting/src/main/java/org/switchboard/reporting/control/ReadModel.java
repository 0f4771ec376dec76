package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.core.events.CallsRecorded;
import org.switchboard.core.events.LeadChanged;
import org.switchboard.core.events.LeadCreated;
import org.switchboard.core.events.SettingsChanged;
import org.switchboard.core.settings.control.CallCentre;

/**
 * Keeps reporting's read model in step with the feature modules: every announced call or lead is copied and its
 * operator-days recounted inside the announcing transaction, so a report never sees a call its rollups miss.
 */
@ApplicationScoped
public class ReadModel {

    @Resource
    DataSource dataSource;

    @Inject
    CallCentre callCentre;

    void calls(@Observes CallsRecorded event) {
        run(store -> store.putCalls(event.calls(), callCentre.zone()));
    }

    void leadCreated(@Observes LeadCreated e) {
        run(store -> store.putLead(new RollupStore.LeadFact(e.leadId(), e.operator(), e.campaign(), e.clientId(),
                e.createdAt(), e.callId(), e.callUniqueid()), callCentre.zone()));
    }

    void leadChanged(@Observes LeadChanged e) {
        run(store -> store.putLead(new RollupStore.LeadFact(e.leadId(), e.operator(), e.campaign(), e.clientId(),
                e.createdAt(), e.callId(), e.callUniqueid()), callCentre.zone()));
    }

    void settingsChanged(@Observes SettingsChanged e) {
        run(store -> {
            if (e.zoneChanged()) {
                store.redate(callCentre.zone());
            } else if (e.campaign() != null) {
                store.recountCampaign(e.campaign());
            } else {
                store.recountAll();
            }
        });
    }

    private interface Work {
        void on(RollupStore store) throws SQLException;
    }

    private void run(Work work) {
        try (Connection c = dataSource.getConnection()) {
            work.on(new RollupStore(c));
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the report rollups failed: " + e.getMessage(), e);
        }
    }
}
