package org.switchboard.aftersales;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** Registers the aftersales module with the platform. */
@ApplicationScoped
public class AftersalesModule implements SwitchboardModule {

    @Override
    public String id() {
        return "aftersales";
    }

    @Override
    public List<String> dependsOn() {
        return List.of("calls");
    }

    @Override
    public List<NavigationEntry> navigation() {
        // ADMIN too: only an admin moves the daily generation or runs it now, on this screen's settings
        return List.of(
                new NavigationEntry("aftersales", "/aftersales", 400, Role.MARKETER, Role.SUPERVISOR, Role.ADMIN));
    }
}
