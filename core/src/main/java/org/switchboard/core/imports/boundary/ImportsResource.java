package org.switchboard.core.imports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.control.ImportJobs;
import org.switchboard.core.imports.control.ImportReport;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;

@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.MARKETER})
@Tag(name = "Imports", description = "Progress and reports of spreadsheet imports")
public class ImportsResource {

    @Inject
    ImportJobs jobs;

    @Inject
    Caller caller;

    @GET
    @Path("{id}")
    @Operation(summary = "An import's progress (status RUNNING) or final report; its owner, SUPERVISOR or ADMIN")
    public ImportReport get(@PathParam("id") long id) {
        ImportJob job = jobs.find(id);
        if (job == null || !(job.getUsername().equals(caller.username()) || caller.has(Role.ADMIN)
                || caller.has(Role.SUPERVISOR))) {
            throw ProblemException.notFound("There is no import " + id + " of yours");
        }
        return jobs.report(id);
    }
}
