package org.switchboard.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}. No classes are listed: the server finds the resources and providers
 * of every module jar in {@code WEB-INF/lib}, so a module left out of the package adds nothing.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Switchboard API", version = "0.1",
                description = "CRM for telemarketing teams and for the people who control them. Every endpoint but "
                        + "health and this document needs HTTP Basic authentication; errors are application/problem+json."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class SwitchboardApplication extends Application {
}
