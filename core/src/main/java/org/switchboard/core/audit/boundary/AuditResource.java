package org.switchboard.core.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Page;
import org.switchboard.core.audit.control.AuditTrail;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit", description = "Who changed what and when")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Transactional
    @Operation(summary = "Changes of one kind of record (entity, e.g. User, Client, Settings), optionally of one record (id), newest first")
    public Page<AuditTrail.Change> changes(@QueryParam("entity") String entity, @QueryParam("id") Long id,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (entity == null || entity.isBlank()) {
            throw ProblemException.invalid("entity", "is required; audited entities: " + trail.auditedEntities());
        }
        return trail.changes(entity.trim(), id, org.switchboard.core.api.PageRequest.of(page, size, null,
                java.util.Map.of("revision", "revision"), "-revision"));
    }
}
