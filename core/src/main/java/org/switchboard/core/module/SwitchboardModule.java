package org.switchboard.core.module;

import java.util.List;

/**
 * A pluggable part of Switchboard. Every module jar contains exactly one CDI bean implementing this
 * interface; the platform finds them all with {@code @Any Instance<SwitchboardModule>}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #id()} is short, lower-case and stable: it names the migration location
 *       ({@code db/migration/<id>}), the Flyway history table ({@code flyway_history_<id>}) and the
 *       prefix of the module's tables ({@code <id>_...}).</li>
 *   <li>{@link #dependsOn()} lists the ids of modules whose schema and services this one builds on.
 *       {@code core} is implied for every module. A missing dependency stops the deployment with a
 *       message naming it; a cycle does too.</li>
 * </ul>
 */
public interface SwitchboardModule {

    /** Stable, lower-case id, e.g. {@code leads}. */
    String id();

    /** Ids of the modules this one builds on, besides {@code core}. */
    default List<String> dependsOn() {
        return List.of();
    }

    /** Classpath location of this module's Flyway migrations. */
    default String migrationLocation() {
        return "db/migration/" + id();
    }

    /** Name of this module's Flyway history table. */
    default String historyTable() {
        return "flyway_history_" + id();
    }

    /** What this module adds to the navigation of the browser UI, per role. */
    default List<NavigationEntry> navigation() {
        return List.of();
    }
}
