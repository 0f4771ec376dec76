package org.switchboard.core.module;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.schema.SchemaMigrations;
import org.switchboard.core.schema.SchemaState;
import org.switchboard.core.security.Roles;

@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER, Roles.CLIENT})
@Tag(name = "Platform")
public class ModulesResource {

    @Inject
    Modules modules;

    @Inject
    SchemaState schema;

    /** A deployed module, in dependency order, with the schema version its migrations reached. */
    public record ModuleView(String id, List<String> dependsOn, String schemaVersion) {
    }

    @GET
    @Operation(summary = "The modules deployed, in dependency order")
    public List<ModuleView> list() {
        Map<String, SchemaMigrations.Applied> applied = schema.applied().stream()
                .collect(Collectors.toMap(SchemaMigrations.Applied::module, Function.identity()));
        return modules.inDependencyOrder().stream()
                .map(m -> new ModuleView(m.id(), m.dependsOn(),
                        applied.containsKey(m.id()) ? applied.get(m.id()).schemaVersion() : null))
                .toList();
    }
}
