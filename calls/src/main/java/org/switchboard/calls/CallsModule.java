package org.switchboard.calls;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** Registers the calls module with the platform. */
@ApplicationScoped
public class CallsModule implements SwitchboardModule {

    @Override
    public String id() {
        return "calls";
    }

    @Override
    public List<String> dependsOn() {
        return List.of("leads");
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("calls.inbound", "/calls/inbound", 10, Role.OPERATOR),
                new NavigationEntry("calls.next", "/calls/next", 20, Role.OPERATOR),
                new NavigationEntry("callbacks", "/callbacks", 30, Role.OPERATOR, Role.SUPERVISOR),
                new NavigationEntry("meetings", "/meetings", 40, Role.OPERATOR, Role.SUPERVISOR),
                new NavigationEntry("calls", "/calls", 200, Role.OPERATOR, Role.SUPERVISOR, Role.CLIENT),
                new NavigationEntry("campaigns", "/campaigns", 210, Role.SUPERVISOR, Role.MARKETER, Role.CLIENT));
    }
}
