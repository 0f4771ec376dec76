package org.switchboard.reporting.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.switchboard.core.calling.CallFactSource;
import org.switchboard.core.calling.LeadFactSource;
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

    @Inject
    @Any
    Instance<CallFactSource> callSources;

    @Inject
    @Any
    Instance<LeadFactSource> leadSources;

    void calls(@Observes CallsRecorded event) {
        run(store -> store.putCalls(event.calls(), callCentre.zone()));
    }

    void leadCreated(@Observes LeadCreated e) {
        run(store -> store.putLead(new RollupStore.LeadFact(e.leadId(), e.operator(), e.campaign(), e.clientId(),
                e.createdAt(), e.callId(), e.callUniqueid(), e.enteredAt(), e.entry(), e.numbers()), callCentre.zone()));
    }

    void leadChanged(@Observes LeadChanged e) {
        run(store -> store.putLead(fact(e), callCentre.zone()));
    }

    private static RollupStore.LeadFact fact(LeadChanged e) {
        return new RollupStore.LeadFact(e.leadId(), e.operator(), e.campaign(), e.clientId(), e.createdAt(), e.callId(),
                e.callUniqueid(), e.enteredAt(), e.entry(), e.numbers());
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

    /** What a rebuild copied. */
    public record Rebuilt(long calls, long leads) {
    }

    /**
     * Copies every call and lead again from the modules that hold them (those deployed) and recounts every day:
     * for an installation that gains reporting after calls were made, or to prove the rollups right.
     */
    public Rebuilt rebuild() {
        long[] copied = new long[2];
        run(store -> {
            store.clear();
            java.time.ZoneId zone = callCentre.zone();
            for (CallFactSource source : callSources) {
                source.forEach(java.time.Instant.EPOCH, java.time.Instant.parse("9999-01-01T00:00:00Z"), 5000, chunk -> {
                    copy(() -> store.copyCalls(chunk, zone));
                    copied[0] += chunk.size();
                });
            }
            for (LeadFactSource source : leadSources) {
                source.forEach(5000, chunk -> {
                    copy(() -> store.copyLeads(chunk.stream().map(ReadModel::fact).toList(), zone));
                    copied[1] += chunk.size();
                });
            }
            store.recountAll();
        });
        return new Rebuilt(copied[0], copied[1]);
    }

    private interface Copy {
        void run() throws SQLException;
    }

    private static void copy(Copy copy) {
        try {
            copy.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Copying records for the report failed: " + e.getMessage(), e);
        }
    }

    private interface Work {
        void on(RollupStore store) throws SQLException;
    }

    /** Whether the copies predate the facts they now carry (the integrity migration): then they are made again. */
    public boolean rebuildNeeded() {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT rebuild_needed FROM reporting_guard WHERE id = 1");
                java.sql.ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading reporting_guard failed: " + e.getMessage(), e);
        }
    }

    /** Rebuilds the copies and the rollups once after an upgrade, in the caller's transaction, and clears the flag. */
    public Rebuilt rebuildAfterUpgrade() {
        Rebuilt rebuilt = rebuild();
        run(store -> {
            try (java.sql.PreparedStatement s = store.connection().prepareStatement(
                    "UPDATE reporting_guard SET rebuild_needed = FALSE WHERE id = 1")) {
                s.executeUpdate();
            }
        });
        return rebuilt;
    }

    private void run(Work work) {
        try (Connection c = dataSource.getConnection()) {
            work.on(new RollupStore(c, callCentre.zone()));
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the report rollups failed: " + e.getMessage(), e);
        }
    }
}
