package org.switchboard.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.calls.CallsModule;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/** The after-sales migrations, validated; a task's INSERT skips an existing (rule, contact, occasion) on both databases. */
class AftersalesPersistenceTest {

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondTaskForTheSameOccasionIsSkipped(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(), new LeadsModule(),
                        new CallsModule(), new AftersalesModule()), List.of(Event.class, Rule.class, Task.class, Offer.class));
                Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO aftersales_rule (id, type, name, campaign_code, days_before, days_after, advertising,"
                        + " active, version) VALUES (1, 'BIRTHDAY', 'Birthday', 'AS', 0, 0, FALSE, TRUE, 0)");
            }
            String insert = "INSERT INTO aftersales_task (id, rule_id, contact_id, occasion_date, call_day, state, created_at)"
                    + " VALUES (nextval('aftersales_task_seq'), 1, 7, DATE '2027-02-28', DATE '2027-02-28', 'OPEN',"
                    + " CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING";
            try (PreparedStatement s = c.prepareStatement(insert)) {
                assertThat(s.executeUpdate()).isEqualTo(1);
                assertThat(s.executeUpdate()).isZero();
            }
        }
    }
}
