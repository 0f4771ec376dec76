package org.switchboard.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** The kernel registers itself like any other module, so its schema runs first through the same path. */
@ApplicationScoped
public class CoreModule implements SwitchboardModule {

    public static final String ID = "core";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                // the tamper trail and the check of the call records: the client's reason to trust the figures
                new NavigationEntry("integrity", "/integrity", 540, Role.SUPERVISOR, Role.ADMIN, Role.CLIENT),
                new NavigationEntry("admin.users", "/admin/users", 900, Role.ADMIN),
                new NavigationEntry("admin.clients", "/admin/clients", 910, Role.ADMIN),
                new NavigationEntry("admin.settings", "/admin/settings", 920, Role.ADMIN),
                new NavigationEntry("admin.audit", "/admin/audit", 930, Role.ADMIN));
    }
}
