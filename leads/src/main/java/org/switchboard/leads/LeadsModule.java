package org.switchboard.leads;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** Registers the leads module with the platform. */
@ApplicationScoped
public class LeadsModule implements SwitchboardModule {

    @Override
    public String id() {
        return "leads";
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("contacts", "/contacts", 100, Role.OPERATOR, Role.SUPERVISOR, Role.MARKETER),
                new NavigationEntry("leads", "/leads", 110, Role.OPERATOR, Role.SUPERVISOR, Role.CLIENT));
    }
}
