package org.switchboard.surveys;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** Registers the surveys module with the platform. */
@ApplicationScoped
public class SurveysModule implements SwitchboardModule {

    @Override
    public String id() {
        return "surveys";
    }

    @Override
    public List<String> dependsOn() {
        return List.of("calls");
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("surveys", "/surveys", 300, Role.MARKETER, Role.SUPERVISOR));
    }
}
