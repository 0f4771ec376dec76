package org.switchboard.core.testing;

import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.switchboard.core.module.ModuleGraph;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.schema.SchemaMigrations;

/**
 * Runs the real migrations of the given modules on a test database, then builds Hibernate over the given
 * entities with schema validation on: the test fails if the mapping and the migrated schema disagree.
 * Settings mirror the application's persistence.xml.
 */
public final class SchemaHarness {

    private SchemaHarness() {
    }

    public static SessionFactory migrateAndValidate(TestDatabases.TestDatabase db, List<SwitchboardModule> modules,
            List<Class<?>> entities) {
        SchemaMigrations.migrate(db.dataSource(), ModuleGraph.order(modules, "core"),
                SchemaHarness.class.getClassLoader());
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", db.dataSource())
                .applySetting("hibernate.default_schema", db.schema())
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("jakarta.persistence.validation.mode", "NONE")
                .applySetting("hibernate.jdbc.time_zone", "UTC")
                .applySetting("hibernate.jpa.compliance.query", "false")
                .applySetting("org.hibernate.envers.audit_table_suffix", "_aud")
                .applySetting("org.hibernate.envers.revision_field_name", "rev")
                .applySetting("org.hibernate.envers.revision_type_field_name", "revtype")
                .build();
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }
}
