package org.switchboard.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.switchboard.core.module.NavigationEntry;
import org.switchboard.core.module.SwitchboardModule;
import org.switchboard.core.people.entity.Role;

/** Registers the reporting module with the platform. */
@ApplicationScoped
public class ReportingModule implements SwitchboardModule {

    @Override
    public String id() {
        return "reporting";
    }

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("reports", "/reports", 500, Role.SUPERVISOR, Role.CLIENT),
                new NavigationEntry("reports.anomalies", "/reports/anomalies", 510, Role.SUPERVISOR, Role.CLIENT),
                new NavigationEntry("reports.plans", "/reports/plans", 520, Role.SUPERVISOR),
                new NavigationEntry("qa", "/qa", 530, Role.SUPERVISOR, Role.CLIENT),
                new NavigationEntry("myday", "/my-day", 35, Role.OPERATOR));
    }
}
