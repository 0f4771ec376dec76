package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.CoreModule;
import org.switchboard.core.audit.entity.Revision;
import org.switchboard.core.calling.ExtensionCalls;
import org.switchboard.core.people.entity.ExtensionMapping;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/**
 * The extension history on a real database (H2 in PostgreSQL mode, and PostgreSQL when configured): the import
 * resolves a record's extension by its call-centre day (midnight in the centre's zone decides), and placing the
 * records again after the history changed gives the same result as importing them after it.
 */
class ExtensionMovesPersistenceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static List<String> databases() {
        return TestDatabases.available();
    }

    /** An answered outbound call from {@code extension} at {@code start} (PBX time, Moscow), talking {@code billsec}. */
    static String line(String extension, String uniqueid, String start, int billsec) {
        return "\"ADS\",\"" + extension + "\",\"84951234567\",\"from-internal\",\"\"\"Op\"\" <" + extension + ">\",\"PJSIP/"
                + extension + "-0000001a\",\"PJSIP/trunk-0000001b\",\"Dial\",\"\",\"" + start + "\",\"" + start + "\",\""
                + start + "\",0," + billsec + ",\"ANSWERED\",\"DOCUMENTATION\",\"" + uniqueid + "\",\"\"";
    }

    private static void load(Connection c, String... lines) throws Exception {
        CallRecords.Totals totals = new CallRecords.Totals();
        CallRecords.Lookup lookup = CallRecords.lookup(c, MOSCOW, MOSCOW);
        CallRecords.read(new BufferedReader(new StringReader(String.join("\n", lines))), totals, chunk -> {
            try {
                CallRecords.storeChunk(c, chunk, lookup, totals);
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** talk seconds → operator ("-" for nobody). */
    private static Map<Integer, String> owners(Connection c) throws SQLException {
        Map<Integer, String> owners = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT talk_seconds, operator FROM calls_call")) {
            while (rs.next()) {
                owners.put(rs.getInt(1), rs.getString(2) == null ? "-" : rs.getString(2));
            }
        }
        return owners;
    }

    private static void period(Connection c, long id, String extension, String username, String from, String to)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO core_extension_mapping (id, extension, username,"
                + " valid_from, valid_to, set_by, set_at, version) VALUES (?, ?, ?, ?, ?, 'test', CURRENT_TIMESTAMP, 0)")) {
            s.setLong(1, id);
            s.setString(2, extension);
            s.setString(3, username);
            s.setObject(4, LocalDate.parse(from));
            s.setObject(5, to == null ? null : LocalDate.parse(to));
            s.executeUpdate();
        }
    }

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void seed(Connection c) throws SQLException {
        sql(c, "INSERT INTO core_client (id, name, active, created_at, version) VALUES (1, 'Ext', TRUE, CURRENT_TIMESTAMP, 0)");
        sql(c, "INSERT INTO core_campaign (id, code, name, type, client_id, active, created_at, version)"
                + " VALUES (1, 'ADS', 'Ads', 'INBOUND_AD', 1, TRUE, CURRENT_TIMESTAMP, 0)");
        String[][] users = {{"1", "anna", null}, {"2", "boris", null}, {"3", "carl", "103"}, {"4", "sue", null}};
        for (String[] u : users) {
            sql(c, "INSERT INTO core_user (id, username, password_hash, password_changed_at, full_name, extension, enabled,"
                    + " created_at, version) VALUES (" + u[0] + ", '" + u[1] + "', 'x', CURRENT_TIMESTAMP, 'User', "
                    + (u[2] == null ? "NULL" : "'" + u[2] + "'") + ", TRUE, CURRENT_TIMESTAMP, 0)");
            sql(c, "INSERT INTO core_user_role (user_id, role) VALUES (" + u[0] + ", '"
                    + (u[1].equals("sue") ? "SUPERVISOR" : "OPERATOR") + "')");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theImportAndAMoveResolveAnExtensionByTheCallsDayInTheCentresZone(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database);
                SessionFactory ignored = SchemaHarness.migrateAndValidate(db,
                        List.of(new CoreModule(), new LeadsModule(), new CallsModule()),
                        List.of(User.class, Revision.class, ExtensionMapping.class, Call.class));
                Connection c = db.dataSource().getConnection()) {
            seed(c);
            // 101: Anna's until the 3rd, Boris's from it; 102: nobody's; 103: Carl's, with no history; 104: a SUPERVISOR's
            period(c, 1, "101", "anna", "1970-01-01", "2026-11-03");
            period(c, 2, "101", "boris", "2026-11-03", null);
            period(c, 3, "104", "sue", "1970-01-01", null);
            c.setAutoCommit(false);
            load(c, line("101", "1.1", "2026-11-02 23:59:50", 1), line("101", "1.2", "2026-11-03 00:00:10", 2),
                    line("101", "1.3", "2026-11-01 12:00:00", 3), line("102", "1.4", "2026-11-02 12:00:00", 4),
                    line("103", "1.5", "2026-11-02 12:00:00", 5), line("104", "1.6", "2026-11-02 12:00:00", 6),
                    line("102", "1.7", "2026-11-04 12:00:00", 7));
            assertThat(owners(c)).isEqualTo(Map.of(1, "anna", 2, "boris", 3, "anna", 4, "-", 5, "carl",
                    6, "-", 7, "-"));

            // 102 given to Boris from the 4th: only the record of the 4th moves, and it is placed like an import would
            period(c, 4, "102", "boris", "2026-11-04", null);
            List<ExtensionCallMoves.Change> changes = ExtensionCallMoves.replace(c, "102",
                    LocalDate.parse("2026-11-01").atStartOfDay(MOSCOW).toInstant(), MOSCOW);
            assertThat(changes).hasSize(1);
            assertThat(ExtensionCallMoves.summary(changes)).containsExactly(new ExtensionCalls.Moved(null, "boris", 1,
                    LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-04")));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT direction, extension, customer_number FROM calls_call WHERE talk_seconds = 7")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("OUT");
                assertThat(rs.getString(2)).isEqualTo("102");
                assertThat(rs.getString(3)).isEqualTo("+74951234567");
            }

            // 101's cut moved to the 2nd: Boris takes the record of the 2nd, Anna keeps the 1st; the 3rd was Boris's
            sql(c, "UPDATE core_extension_mapping SET valid_to = DATE '2026-11-02' WHERE id = 1");
            sql(c, "UPDATE core_extension_mapping SET valid_from = DATE '2026-11-02' WHERE id = 2");
            changes = ExtensionCallMoves.replace(c, "101", LocalDate.parse("2026-11-02").atStartOfDay(MOSCOW).toInstant(),
                    MOSCOW);
            assertThat(ExtensionCallMoves.summary(changes)).containsExactly(new ExtensionCalls.Moved("anna", "boris", 1,
                    LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02")));
            // nothing changed since: placing again moves nothing
            assertThat(ExtensionCallMoves.replace(c, "101", Instant.EPOCH, MOSCOW)).isEmpty();
            c.commit();
            assertThat(owners(c)).isEqualTo(Map.of(1, "boris", 2, "boris", 3, "anna", 4, "-", 5, "carl",
                    6, "-", 7, "boris"));
            // and a later import agrees with the moves
            load(c, line("101", "2.1", "2026-11-02 08:00:00", 11), line("101", "2.2", "2026-11-01 23:00:00", 12),
                    line("102", "2.3", "2026-11-03 08:00:00", 13), line("102", "2.4", "2026-11-05 08:00:00", 14));
            assertThat(owners(c)).containsEntry(11, "boris").containsEntry(12, "anna").containsEntry(13, "-")
                    .containsEntry(14, "boris");
        }
    }
}
