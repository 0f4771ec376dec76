package org.switchboard.core.schema;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the start-up migration did; the readiness check and the modules endpoint report it. */
@ApplicationScoped
public class SchemaState {

    private volatile List<SchemaMigrations.Applied> applied;

    void ready(List<SchemaMigrations.Applied> applied) {
        this.applied = List.copyOf(applied);
    }

    public boolean isReady() {
        return applied != null;
    }

    public List<SchemaMigrations.Applied> applied() {
        return applied == null ? List.of() : applied;
    }
}
