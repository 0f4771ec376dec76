package org.switchboard.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.switchboard.leads.entity.Company;
import org.switchboard.leads.entity.Contact;
import org.switchboard.leads.entity.ContactPhone;
import org.switchboard.leads.entity.DncEntry;
import org.switchboard.leads.entity.Lead;
import org.switchboard.leads.entity.LeadStatus;
import org.switchboard.leads.entity.LeadStatusChange;

/** The leads module's migrations on a real database (after core's), validated against the mapping. */
class LeadsPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(User.class, Client.class, Settings.class, Revision.class,
            Campaign.class, ImportJob.class, ImportRejection.class, Company.class, Contact.class, ContactPhone.class,
            Lead.class, LeadStatusChange.class, DncEntry.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void contactsAndLeadsRoundTrip(String database) {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule()), ENTITIES)) {
            Instant now = Instant.parse("2026-11-28T10:00:00Z");
            Map<String, String> phones = new LinkedHashMap<>();
            phones.put("+78124483454", "work");
            phones.put("+79111234567", "mobile");
            Long contactId = sessions.fromTransaction(s -> {
                Contact contact = new Contact(now);
                contact.describe(new Contact.Details("Иван Петров", phones, Set.of("ivan@example.com"), null, null, null,
                        "Санкт-Петербург", null, Set.of("vip"), null, null, Contact.Consent.NONE, false, "operator1", null),
                        ZoneId.of("Europe/Moscow"));
                s.persist(contact);
                return contact.getId();
            });
            Contact loaded = sessions.fromSession(s -> {
                Contact c = s.find(Contact.class, contactId);
                c.getPhones().size();
                return c;
            });
            assertThat(loaded.getPhones()).extracting(ContactPhone::getNumber).containsExactly("+78124483454", "+79111234567");
            assertThat(loaded.mainNumber()).isEqualTo("+78124483454");
            assertThat(loaded.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));

            Long leadId = sessions.fromTransaction(s -> {
                Lead lead = new Lead(contactId, "ADS-NOV", 1L, "operator1", now, Lead.Entry.LIVE, now, "operator1",
                        List.of("+78124483454", "+79111234567"));
                s.persist(lead);
                s.flush();
                s.persist(lead.born("operator1"));
                s.persist(lead.moveTo(LeadStatus.QUALIFIED, null, "operator1", now.plusSeconds(60)));
                return lead.getId();
            });
            long history = sessions.fromSession(s -> s.createQuery(
                    "SELECT COUNT(c) FROM LeadStatusChange c WHERE c.leadId = :id", Long.class)
                    .setParameter("id", leadId).getSingleResult());
            assertThat(history).isEqualTo(2);
            // the contact's numbers at entry stay with the lead, with who entered it and when
            Lead stored = sessions.fromSession(s -> {
                Lead l = s.find(Lead.class, leadId);
                l.getNumbers().size();
                return l;
            });
            assertThat(stored.getNumbers()).containsExactly("+78124483454", "+79111234567");
            assertThat(stored.getEntry()).isEqualTo(Lead.Entry.LIVE);
            assertThat(stored.getEnteredBy()).isEqualTo("operator1");
            long found = sessions.fromSession(s -> s.createQuery(
                    "SELECT COUNT(p) FROM ContactPhone p WHERE p.number = :n", Long.class)
                    .setParameter("n", "+79111234567").getSingleResult());
            assertThat(found).isEqualTo(1);
        }
    }
}
