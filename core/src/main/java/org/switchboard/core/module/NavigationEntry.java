package org.switchboard.core.module;

import java.util.EnumSet;
import java.util.Set;
import org.switchboard.core.people.entity.Role;

/**
 * One item of the UI navigation contributed by a module.
 *
 * @param key   message key of the label (the UI translates it)
 * @param path  the UI route
 * @param order position in the menu, lower first
 * @param roles roles that see this entry
 */
public record NavigationEntry(String key, String path, int order, Set<Role> roles) {

    public NavigationEntry(String key, String path, int order, Role first, Role... rest) {
        this(key, path, order, EnumSet.of(first, rest));
    }

    public NavigationEntry {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Set<Role> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
