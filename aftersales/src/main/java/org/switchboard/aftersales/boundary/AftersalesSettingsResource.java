package org.switchboard.aftersales.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.aftersales.boundary.AftersalesBodies.SettingsInput;
import org.switchboard.aftersales.boundary.AftersalesBodies.SettingsView;
import org.switchboard.aftersales.control.GenerationSettings;
import org.switchboard.aftersales.entity.AftersalesSettings;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Roles;

/** When the daily after-sales generation runs, and the last day it generated. */
@Path("aftersales/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "After-sales")
public class AftersalesSettingsResource {

    @Inject
    GenerationSettings settings;

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.MARKETER})
    @Operation(summary = "{generationTime: \"HH:mm\" in the call centre's zone, lastGenerated, version}")
    public SettingsView get() {
        return SettingsView.of(settings.current());
    }

    @PUT
    @Transactional
    @Operation(summary = "Move the daily generation {generationTime: \"HH:mm\", version}; lastGenerated is read-only")
    public SettingsView update(SettingsInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the settings: {\"generationTime\":\"06:00\",\"version\":…}");
        }
        AftersalesSettings current = settings.current();
        LocalTime time = time(input.generationTime());
        ProblemException.requireVersion("The after-sales settings", input.version(), current.getVersion());
        return SettingsView.of(settings.generateAt(current, time));
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("generationTime", "is required: the hour of the daily run, HH:mm");
        }
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("generationTime", "must be a time HH:mm, got '" + value + "'");
        }
    }
}
