package org.switchboard.readiness;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the readiness check the application registered, or "down" while there is none. */
@Readiness
@ApplicationScoped
public class ApplicationReadiness implements HealthCheck {

    private static volatile Supplier<HealthCheckResponse> check;

    public static void register(Supplier<HealthCheckResponse> applicationCheck) {
        check = applicationCheck;
    }

    public static void unregister() {
        check = null;
    }

    @Override
    public HealthCheckResponse call() {
        Supplier<HealthCheckResponse> current = check;
        if (current == null) {
            return HealthCheckResponse.named("database").down().withData("reason", "the application has not started").build();
        }
        return current.get();
    }
}
