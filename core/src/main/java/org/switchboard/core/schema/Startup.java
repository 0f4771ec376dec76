package org.switchboard.core.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.switchboard.core.bootstrap.FirstStart;
import org.switchboard.core.health.DatabaseReadiness;
import org.switchboard.core.module.Modules;
import org.switchboard.readiness.ApplicationReadiness;

/**
 * Brings the database to the current schema when the application starts, proves that the mapping fits
 * it, then seeds a first start. The deployment fails if any step fails.
 */
@jakarta.ejb.Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource
    DataSource dataSource;

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    Modules modules;

    @Inject
    FirstStart firstStart;

    @Inject
    SchemaState state;

    @Inject
    DatabaseReadiness readiness;

    @Inject
    jakarta.enterprise.event.Event<org.switchboard.core.events.SchemaReady> ready;

    @PostConstruct
    void start() {
        List<SchemaMigrations.Applied> applied = SchemaMigrations.migrate(dataSource, modules.inDependencyOrder(),
                Thread.currentThread().getContextClassLoader());
        applied.forEach(a -> LOG.info(() -> "Module " + a.module() + ": schema version " + a.schemaVersion() + " ("
                + a.migrationsExecuted() + " migrations applied now)"));
        emf.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("The entity mapping matches the migrated schema");
        state.ready(applied);
        firstStart.seedIfEmpty();
        ready.fire(new org.switchboard.core.events.SchemaReady());
        ApplicationReadiness.register(readiness::check);
    }

    @PreDestroy
    void stop() {
        ApplicationReadiness.unregister();
    }
}
