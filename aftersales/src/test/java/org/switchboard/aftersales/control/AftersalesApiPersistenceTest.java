package org.switchboard.aftersales.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.aftersales.AftersalesModule;
import org.switchboard.aftersales.entity.AftersalesSettings;
import org.switchboard.aftersales.entity.Event;
import org.switchboard.aftersales.entity.Offer;
import org.switchboard.aftersales.entity.Rule;
import org.switchboard.aftersales.entity.Task;
import org.switchboard.calls.CallsModule;
import org.switchboard.core.CoreModule;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/** The API's statements on the real migrations: one redemption per code, the report's rows, the attendees. */
class AftersalesApiPersistenceTest {

    static final List<Class<?>> ENTITIES = List.of(Event.class, Rule.class, Task.class, Offer.class,
            AftersalesSettings.class);

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCodeIsRedeemedOnceAndTheReportAndAttendeesReadTheTasks(String database) throws SQLException {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory sessions = SchemaHarness.migrateAndValidate(db, List.of(new CoreModule(),
                        new LeadsModule(), new CallsModule(), new AftersalesModule()), ENTITIES)) {
            fixtures(db.dataSource());

            try (Connection c = db.dataSource().getConnection();
                    PreparedStatement redeem = c.prepareStatement(Offers.REDEEM_SQL)) {
                redeem.setObject(1, OffsetDateTime.of(2027, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC));
                redeem.setString(2, "op1");
                redeem.setString(3, "CODE1");
                assertThat(redeem.executeUpdate()).isEqualTo(1);
                redeem.setString(2, "op2");
                assertThat(redeem.executeUpdate()).as("a second redemption of the same code").isZero();
            }
            Offer offer = sessions.fromSession(s -> s.find(Offer.class, "CODE1"));
            assertThat(offer.getRedeemedBy()).isEqualTo("op1");
            assertThat(offer.getRedeemedAt()).isEqualTo(OffsetDateTime.of(2027, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC)
                    .toInstant());

            List<AftersalesReport.Row> rows = sessions.fromSession(s -> AftersalesReport.rows(s,
                    LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));
            Map<Long, List<AftersalesReport.Row>> byRule = rows.stream()
                    .collect(Collectors.groupingBy(AftersalesReport.Row::ruleId));
            AftersalesReport.Figures invitations = AftersalesReport.tally(1L, "Expo", "EVENT", "AS", byRule.get(1L), 5);
            assertThat(invitations).extracting(AftersalesReport.Figures::tasks, AftersalesReport.Figures::reached,
                    AftersalesReport.Figures::accepted, AftersalesReport.Figures::declined,
                    AftersalesReport.Figures::notReached, AftersalesReport.Figures::open,
                    AftersalesReport.Figures::offersRedeemed).containsExactly(4L, 2L, 1L, 1L, 1L, 1L, 1L);
            AftersalesReport.Figures birthdays = AftersalesReport.tally(2L, "Birthday", "BIRTHDAY", "AS",
                    byRule.get(2L), 5);
            assertThat(birthdays.tasks()).isEqualTo(1);
            assertThat(birthdays.reached()).isEqualTo(1);
            assertThat(AftersalesReport.tally(1L, "Expo", "EVENT", "AS", byRule.get(1L), 6).notReached())
                    .as("with six attempts allowed the fifth try is not the last").isZero();

            List<Events.Attendee> attendees = sessions.fromSession(s -> {
                @SuppressWarnings("unchecked")
                List<Object[]> raw = s.createNativeQuery(Events.ATTENDEES_SQL).setParameter(1, 1L).getResultList();
                return Events.attendees(raw);
            });
            assertThat(attendees).extracting(Events.Attendee::fullName, Events.Attendee::phone, Events.Attendee::taskId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Anna", "+79210000001", 101L),
                            org.assertj.core.groups.Tuple.tuple("Vera", "+79210000333", 106L));
            assertThat(attendees.get(0).acceptedAt()).isEqualTo(OffsetDateTime.of(2027, 3, 1, 12, 0, 0, 0,
                    ZoneOffset.UTC).toInstant());

            AftersalesSettings settings = sessions.fromSession(s -> s.find(AftersalesSettings.class, 1));
            assertThat(settings.getGenerationTime()).isEqualTo(LocalTime.of(6, 0));
        }
    }

    /**
     * Campaign AS; event rule 1 (tasks: Anna accepted with offer CODE1, Boris open on his fifth try, Vera open on her
     * second, Gleb declined with offer CODE4 — and Vera accepted again in April) and birthday rule 2 (Anna reached).
     */
    private static void fixtures(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Acme', TRUE,"
                    + " CURRENT_TIMESTAMP, 0)");
            s.execute("INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                    + " VALUES (1, 'AS', 'After-sales', 'AFTER_SALES', 1, TRUE, CURRENT_TIMESTAMP, 0)");
            String[] names = {"Anna", "Boris", "Vera", "Gleb"};
            int[] attempts = {1, 5, 2, 1};
            for (int i = 0; i < names.length; i++) {
                int id = i + 1;
                s.execute("INSERT INTO leads_contact (id, full_name, search_name, consent_given, do_not_call, created_at,"
                        + " version) VALUES (" + id + ", '" + names[i] + "', '" + names[i].toLowerCase()
                        + "', TRUE, FALSE, CURRENT_TIMESTAMP, 0)");
                s.execute("INSERT INTO leads_contact_phone (id, contact_id, number, kind, position) VALUES (" + id
                        + ", " + id + ", '+79210000" + id + id + id + "', 'MOBILE', 0)");
                s.execute("INSERT INTO calls_list_entry (id, campaign_id, contact_id, number, time_zone, attempts, done,"
                        + " source, added_at, version) VALUES (1" + id + ", 1, " + id + ", '+7921000000" + id
                        + "', 'Europe/Moscow', " + attempts[i] + ", FALSE, 'aftersales', CURRENT_TIMESTAMP, 0)");
            }
            s.execute("INSERT INTO aftersales_event (id, name, event_date, version) VALUES (1, 'Expo', DATE '2027-04-20', 0)");
            s.execute("INSERT INTO aftersales_rule (id, type, name, campaign_code, days_before, days_after, event_id,"
                    + " offer_kind, offer_value, offer_valid_days, advertising, active, version)"
                    + " VALUES (1, 'EVENT', 'Expo', 'AS', 30, 0, 1, 'GIFT', 'a ticket', 30, FALSE, TRUE, 0)");
            s.execute("INSERT INTO aftersales_rule (id, type, name, campaign_code, days_before, days_after, advertising,"
                    + " active, version) VALUES (2, 'BIRTHDAY', 'Birthday', 'AS', 0, 0, FALSE, TRUE, 0)");
            task(s, 101, 1, 1, "2027-03-01", 11, "CODE1", "ACCEPTED", "2027-03-01 12:00:00+00");
            task(s, 102, 1, 2, "2027-03-01", 12, null, "OPEN", null);
            task(s, 103, 1, 3, "2027-03-01", 13, null, "OPEN", null);
            task(s, 104, 1, 4, "2027-03-01", 14, "CODE4", "DECLINED", "2027-03-01 13:00:00+00");
            task(s, 105, 2, 1, "2027-03-02", 11, null, "REACHED", "2027-03-02 09:00:00+00");
            task(s, 106, 1, 3, "2027-04-10", null, null, "ACCEPTED", "2027-04-10 10:00:00+00");
            offer(s, "CODE1", 101, 1);
            offer(s, "CODE4", 104, 4);
        }
    }

    private static void task(Statement s, long id, long rule, long contact, String day, Integer entry, String code,
            String state, String outcomeAt) throws SQLException {
        s.execute("INSERT INTO aftersales_task (id, rule_id, contact_id, occasion_date, call_day, entry_id, offer_code,"
                + " state, outcome_at, created_at) VALUES (" + id + ", " + rule + ", " + contact + ", DATE '" + day
                + "', DATE '" + day + "', " + entry + ", " + (code == null ? "NULL" : "'" + code + "'") + ", '" + state
                + "', " + (outcomeAt == null ? "NULL" : "TIMESTAMP WITH TIME ZONE '" + outcomeAt + "'")
                + ", CURRENT_TIMESTAMP)");
    }

    private static void offer(Statement s, String code, long task, long contact) throws SQLException {
        s.execute("INSERT INTO aftersales_offer (code, task_id, contact_id, kind, offer_value, valid_until) VALUES ('"
                + code + "', " + task + ", " + contact + ", 'GIFT', 'a ticket', DATE '2027-03-31')");
    }
}
