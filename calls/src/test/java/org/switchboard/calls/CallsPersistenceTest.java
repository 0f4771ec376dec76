package org.switchboard.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.campaigns.entity.Campaign;
import org.switchboard.core.clients.entity.Client;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.settings.entity.Settings;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;
import org.switchboard.leads.entity.DncEntry;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatusChange;

/** The calls module's migrations after core's and leads', validated against the mapping. */
class CallsPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Company.class, Contact.class, ContactPhone.class,
            Lead.class, LeadStatusChange.class, DncEntry.class, Call.class, Listen.class,
            org.switchboard.calls.entity.RecordingVersion.class,
            org.switchboard.calls.outbound.entity.ListEntry.class, org.switchboard.calls.outbound.entity.Callback.class,
            org.switchboard.calls.outbound.entity.OutboundRules.class, org.switchboard.core.holidays.entity.Holiday.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callsAreStoredAndListensLogged(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-11-28T10:00:00Z");
            Long id = sessions.fromTransaction(s -> {
                Call call = Call.loggedInbound("operator1", "101", "+78124483454", null, "ADS-NOV", 1L, now);
                call.wrapUp("INTERESTED", "wants a price list");
                s.persist(call);
                s.flush();
                s.persist(new Listen(call.getId(), "supervisor", now));
                return call.getId();
            });
            Call loaded = sessions.fromSession(s -> s.find(Call.class, id));
            assertThat(loaded.getSource()).isEqualTo(Call.Source.OPERATOR);
            assertThat(loaded.getOutcome()).isEqualTo("INTERESTED");
            assertThat(loaded.isAnswered()).isFalse();
        }
    }
}
