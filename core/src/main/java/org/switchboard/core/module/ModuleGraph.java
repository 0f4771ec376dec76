package org.switchboard.core.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders modules so that each comes after everything it depends on: core first, then the rest in
 * {@code dependsOn} order, ties broken by id so the order is the same on every start.
 */
public final class ModuleGraph {

    private ModuleGraph() {
    }

    public static List<SwitchboardModule> order(List<SwitchboardModule> modules, String rootId) {
        Map<String, SwitchboardModule> byId = new HashMap<>();
        for (SwitchboardModule module : modules) {
            SwitchboardModule clash = byId.put(module.id(), module);
            if (clash != null) {
                throw new IllegalStateException("Two modules claim the id '" + module.id() + "': "
                        + clash.getClass().getName() + " and " + module.getClass().getName());
            }
        }
        if (!byId.containsKey(rootId)) {
            throw new IllegalStateException("The '" + rootId + "' module is missing");
        }
        for (SwitchboardModule module : modules) {
            for (String dependency : module.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new IllegalStateException("Module '" + module.id() + "' depends on '" + dependency
                            + "', which is not deployed");
                }
            }
        }
        List<SwitchboardModule> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparing(SwitchboardModule::id));
        Set<String> done = new LinkedHashSet<>();
        List<SwitchboardModule> result = new ArrayList<>();
        visit(byId.get(rootId), byId, rootId, done, new LinkedHashSet<>(), result);
        for (SwitchboardModule module : sorted) {
            visit(module, byId, rootId, done, new LinkedHashSet<>(), result);
        }
        return List.copyOf(result);
    }

    private static void visit(SwitchboardModule module, Map<String, SwitchboardModule> byId, String rootId,
            Set<String> done, Set<String> path, List<SwitchboardModule> result) {
        if (done.contains(module.id())) {
            return;
        }
        if (!path.add(module.id())) {
            throw new IllegalStateException("Module dependencies form a cycle: "
                    + String.join(" -> ", path) + " -> " + module.id());
        }
        List<String> dependencies = new ArrayList<>(module.dependsOn());
        if (!module.id().equals(rootId)) {
            dependencies.add(0, rootId);
        }
        dependencies.stream().sorted().forEach(id -> visit(byId.get(id), byId, rootId, done, path, result));
        path.remove(module.id());
        done.add(module.id());
        result.add(module);
    }
}
