package org.switchboard.core.module;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.CoreModule;

/** The modules present in this deployment, in dependency order. */
@ApplicationScoped
public class Modules {

    @Inject
    @Any
    Instance<SwitchboardModule> discovered;

    private List<SwitchboardModule> ordered;

    @PostConstruct
    void resolve() {
        List<SwitchboardModule> all = new ArrayList<>();
        discovered.forEach(all::add);
        ordered = ModuleGraph.order(all, CoreModule.ID);
    }

    public List<SwitchboardModule> inDependencyOrder() {
        return ordered;
    }

    public boolean isPresent(String id) {
        return ordered.stream().anyMatch(m -> m.id().equals(id));
    }
}
