package org.switchboard.core.integrity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.integrity.TamperKind;
import org.switchboard.core.integrity.control.TamperTrail;
import org.switchboard.core.integrity.entity.TamperEntry;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;

/** The tamper trail: every manual change that touches evidence or the figures, for the client to read. */
@Path("integrity/changes")
@Produces({MediaType.APPLICATION_JSON, "text/csv", Uploads.XLSX})
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
@Tag(name = "Integrity", description = "The tamper trail and the chain of the PBX's call records")
public class IntegrityResource {

    @Inject
    TamperTrail trail;

    @Inject
    Caller caller;

    @Inject
    CallCentre callCentre;

    /** One change: who, when, what, and the value before and after. */
    public record ChangeView(long id, Instant at, String by, TamperKind kind, String subject, String subjectId,
            String campaign, Long clientId, String operator, String field, String before, String after, String reason) {

        public static ChangeView of(TamperEntry t) {
            return new ChangeView(t.getId(), t.getAt(), t.getBy(), t.getKind(), t.getSubject(), t.getSubjectId(),
                    t.getCampaign(), t.getClientId(), t.getOperator(), t.getField(), t.getBefore(), t.getAfter(),
                    t.getReason());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "Manual changes touching evidence or figures (from/to call-centre days, campaign, operator, kind),"
            + " newest first; format=json|csv|xlsx. A CLIENT sees its own campaigns' and the centre-wide ones")
    public Response changes(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("campaign") String campaign, @QueryParam("operator") String operator,
            @QueryParam("kind") String kind, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort, @QueryParam("format") String format, @Context HttpHeaders headers) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        TamperKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = TamperKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("kind", "is not a kind of change; use one of "
                        + java.util.List.of(TamperKind.values()));
            }
        }
        TamperTrail.Filter filter = new TamperTrail.Filter(first, last, campaign, operator, k, caller.readScope());
        boolean tabular = format != null && !format.isBlank() ? !"json".equalsIgnoreCase(format.trim())
                : headers.getAcceptableMediaTypes().stream().filter(m -> !m.isWildcardType()).findFirst()
                        .map(m -> m.isCompatible(MediaType.valueOf("text/csv")) || m.isCompatible(MediaType.valueOf(Uploads.XLSX)))
                        .orElse(false);
        if (!tabular) {
            PageRequest request = PageRequest.of(page, size, sort, TamperTrail.SORTABLE, "-at");
            Page<ChangeView> body = trail.list(filter, request).map(ChangeView::of);
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
        TabularFormat as = Uploads.exportFormat(format, headers.getAcceptableMediaTypes());
        java.time.ZoneId zone = callCentre.zone();
        StreamingOutput body = out -> {
            try (TabularWriter writer = TabularWriter.open(as, out, TamperTrail.EXPORT_COLUMNS, zone)) {
                trail.export(filter, writer);
            }
        };
        return Response.ok(body, as.mediaType()).header("Content-Disposition", "attachment; filename=\"tamper-trail."
                + as.extension() + "\"").build();
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }
}
