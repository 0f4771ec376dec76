package org.switchboard.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.switchboard.core.module.SwitchboardModule;

/** Runs the migrations of a list of modules, in the order given, on one datasource. */
public final class SchemaMigrations {

    /** What one module's migration did. */
    public record Applied(String module, int migrationsExecuted, String schemaVersion) {
    }

    private SchemaMigrations() {
    }

    public static List<Applied> migrate(DataSource dataSource, List<SwitchboardModule> modules, ClassLoader classLoader) {
        Map<String, String> placeholders = placeholders(dataSource);
        List<Applied> applied = new ArrayList<>();
        for (SwitchboardModule module : modules) {
            Flyway flyway = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:" + module.migrationLocation())
                    .table(module.historyTable())
                    .placeholders(placeholders)
                    // every module has its own history table in the same schema, beside the others' tables
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .validateMigrationNaming(true)
                    .load();
            MigrateResult result = flyway.migrate();
            applied.add(new Applied(module.id(), result.migrationsExecuted,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion
                            : flyway.info().current() == null ? null : flyway.info().current().getVersion().getVersion()));
        }
        return applied;
    }

    /** SQL that must differ between the two databases is written with these placeholders. */
    static Map<String, String> placeholders(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            boolean postgres = product.contains("postgres");
            return Map.of("tinyint", postgres ? "SMALLINT" : "TINYINT");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
