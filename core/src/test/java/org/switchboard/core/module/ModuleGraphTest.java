package org.switchboard.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleGraphTest {

    record Module(String id, List<String> dependsOn) implements SwitchboardModule {
    }

    private static Module m(String id, String... deps) {
        return new Module(id, List.of(deps));
    }

    private static List<String> ids(List<SwitchboardModule> modules) {
        return modules.stream().map(SwitchboardModule::id).toList();
    }

    @Test
    void coreComesFirstThenDependenciesBeforeDependents() {
        List<SwitchboardModule> ordered = ModuleGraph.order(
                List.of(m("surveys", "calls"), m("reporting"), m("calls", "leads"), m("leads"), m("core")), "core");
        assertThat(ids(ordered)).containsExactly("core", "leads", "calls", "reporting", "surveys");
    }

    @Test
    void theOrderDoesNotDependOnDiscoveryOrder() {
        List<SwitchboardModule> a = ModuleGraph.order(List.of(m("b"), m("a"), m("core"), m("c", "b")), "core");
        List<SwitchboardModule> b = ModuleGraph.order(List.of(m("c", "b"), m("core"), m("a"), m("b")), "core");
        assertThat(ids(a)).isEqualTo(ids(b)).containsExactly("core", "a", "b", "c");
    }

    @Test
    void aMissingDependencyIsNamed() {
        assertThatThrownBy(() -> ModuleGraph.order(List.of(m("core"), m("calls", "leads")), "core"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'calls' depends on 'leads'");
    }

    @Test
    void aCycleIsRefused() {
        assertThatThrownBy(() -> ModuleGraph.order(List.of(m("core"), m("a", "b"), m("b", "a")), "core"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void twoModulesWithOneIdAreRefused() {
        assertThatThrownBy(() -> ModuleGraph.order(List.of(m("core"), m("a"), m("a")), "core"))
                .hasMessageContaining("Two modules claim the id 'a'");
    }

    @Test
    void withoutTheRootNothingStarts() {
        assertThatThrownBy(() -> ModuleGraph.order(List.of(m("a")), "core")).hasMessageContaining("'core'");
    }

    @Test
    void migrationLocationAndHistoryTableFollowTheId() {
        assertThat(m("leads").migrationLocation()).isEqualTo("db/migration/leads");
        assertThat(m("leads").historyTable()).isEqualTo("flyway_history_leads");
    }
}
