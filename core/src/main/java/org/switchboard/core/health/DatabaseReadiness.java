package org.switchboard.core.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.switchboard.core.schema.SchemaState;

/**
 * Ready when the database answers and the schema has been migrated and validated. Served by MicroProfile
 * Health through {@link org.switchboard.readiness.ApplicationReadiness}, where start-up registers it.
 */
@ApplicationScoped
public class DatabaseReadiness {

    @Resource
    DataSource dataSource;

    @Inject
    SchemaState schema;

    public HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            response.withData("database", connection.getMetaData().getDatabaseProductName())
                    .withData("schema", schema.isReady() ? "migrated" : "not migrated yet");
            return response.status(valid && schema.isReady()).build();
        } catch (SQLException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
