package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.calls.CallsModule;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.CoreModule;
import org.switchboard.core.module.ModuleGraph;
import org.switchboard.core.schema.SchemaMigrations;
import org.switchboard.core.testing.SchemaHarness;
import org.switchboard.core.testing.TestDatabases;
import org.switchboard.leads.LeadsModule;

/** A recording stored before V5 becomes LEGACY (evidence), and gets its hash from the file once. */
class LegacyRecordingsMigrationTest {

    @TempDir
    Path data;

    private String previous;

    @BeforeEach
    void dataDirectory() {
        previous = System.getProperty("switchboard.data.dir");
        System.setProperty("switchboard.data.dir", data.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("switchboard.data.dir");
        } else {
            System.setProperty("switchboard.data.dir", previous);
        }
    }

    static List<String> databases() {
        return TestDatabases.available();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOlderRecordingIsLegacyEvidenceAndIsHashedFromItsFile(String database) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.open(database)) {
            SchemaMigrations.migrate(db.dataSource(), ModuleGraph.order(List.of(new CoreModule(), new LeadsModule()), "core"),
                    getClass().getClassLoader());
            CallsModule calls = new CallsModule();
            Flyway.configure(getClass().getClassLoader()).dataSource(db.dataSource())
                    .locations("classpath:" + calls.migrationLocation()).table(calls.historyTable())
                    .baselineOnMigrate(true).baselineVersion("0").target("4").load().migrate();
            Recordings recordings = new Recordings();
            Recordings.Stored file = recordings.store(1, new ByteArrayInputStream(RecordingsTest.wav(3000)), null, 10_000);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO calls_call (direction, started_at, duration_seconds, talk_seconds, disposition,"
                        + " source, lead_requested, recording_file, recording_type, recording_bytes, created_at, version)"
                        + " VALUES ('IN', CURRENT_TIMESTAMP, 60, 50, 'ANSWERED', 'PBX', FALSE, '" + file.file()
                        + "', 'audio/wav', 3000, CURRENT_TIMESTAMP, 0)");
            }

            try (SessionFactory sessions = SchemaHarness.migrateAndValidate(db,
                    List.of(new CoreModule(), new LeadsModule(), calls), RecordingPersistenceTest.entities())) {
                long id = sessions.fromSession(s -> s.createQuery("SELECT c.id FROM Call c", Long.class).getSingleResult());
                sessions.inTransaction(s -> {
                    Call call = s.find(Call.class, id);
                    assertThat(call.getRecordingOrigin()).isEqualTo(Call.RecordingOrigin.LEGACY);
                    assertThat(call.hasEvidenceRecording()).isTrue();
                    assertThat(call.getRecordingSha256()).isNull();
                    RecordingHashes hashes = new RecordingHashes();
                    hashes.em = s;
                    hashes.recordings = recordings;
                    assertThat(hashes.unhashed(0, 10)).hasSize(1);
                    assertThat(hashes.of(call)).isEqualTo(file.sha256());
                    assertThat(hashes.unhashed(0, 10)).isEmpty();
                });
                sessions.inSession(s -> {
                    Call call = s.find(Call.class, id);
                    assertThat(call.getRecordingSha256()).isEqualTo(file.sha256());
                    assertThat(call.getVersion()).isZero();
                });
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM calls_call WHERE recording_origin IS NULL")) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
            assertThat(Files.exists(recordings.path(file.file()))).isTrue();
        }
    }
}
