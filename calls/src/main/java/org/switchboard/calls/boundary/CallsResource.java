package org.switchboard.calls.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.limits.BodyLimit;
import org.switchboard.core.limits.Limits;
import org.switchboard.calls.control.CallLog;
import org.switchboard.calls.control.CallRecords;
import org.switchboard.calls.control.Cdr;
import org.switchboard.calls.control.CdrEvents;
import org.switchboard.calls.control.InboundCalls;
import org.switchboard.calls.control.Listens;
import org.switchboard.calls.control.RecordingAttachments;
import org.switchboard.calls.control.RecordingHashes;
import org.switchboard.calls.control.Recordings;
import org.switchboard.calls.entity.Call;
import org.switchboard.calls.entity.Listen;
import org.switchboard.calls.entity.RecordingVersion;
import org.switchboard.core.api.Checks;
import org.switchboard.core.api.Page;
import org.switchboard.core.api.PageRequest;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.boundary.Uploads;
import org.switchboard.core.imports.control.Imports;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularWriter;
import org.switchboard.core.people.entity.Role;
import org.switchboard.core.people.entity.User;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.leads.boundary.LeadView;

@Path("calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CLIENT})
@Tag(name = "Calls", description = "Every conversation: logged by operators, imported from the PBX, with recordings")
public class CallsResource {

    @Inject
    CallLog log;

    @Inject
    CallRecords records;

    @Inject
    InboundCalls inbound;

    @Inject
    Recordings recordings;

    @Inject
    RecordingAttachments attachments;

    @Inject
    RecordingHashes hashes;

    @Inject
    Listens listens;

    @Inject
    CallCentre callCentre;

    @Inject
    Checks checks;

    @Inject
    Caller caller;

    @PersistenceContext
    EntityManager em;

    /**
     * The answer of an inbound log: the call, its contact (perhaps just registered), the lead, if asked for, and the
     * outbox id of the info e-mail — null when none was asked for or the campaign has no template to send.
     */
    public record InboundLogged(CallView call, long contactId, boolean contactCreated, LeadView lead, Long infoMailId) {
    }

    public record ListenView(Long id, Long callId, String username, Instant at) {
    }

    /**
     * One of a call's recordings: the current one ({@code current}, nothing replaced it) or an earlier one, with who
     * replaced it, when and why.
     */
    public record RecordingVersionView(boolean current, String sha256, Call.RecordingOrigin origin, long bytes,
            String type, Instant storedAt, String storedBy, Instant replacedAt, String replacedBy, String reason) {

        static RecordingVersionView current(Call c, String sha256) {
            return new RecordingVersionView(true, sha256, c.getRecordingOrigin(),
                    c.getRecordingBytes() == null ? 0 : c.getRecordingBytes(), c.getRecordingType(),
                    c.getRecordingStoredAt(), c.getRecordingStoredBy(), null, null, null);
        }

        static RecordingVersionView of(RecordingVersion v) {
            return new RecordingVersionView(false, v.getSha256(), v.getOrigin(), v.getBytes(), v.getType(),
                    v.getStoredAt(), v.getStoredBy(), v.getReplacedAt(), v.getReplacedBy(), v.getReason());
        }
    }

    @GET
    @Transactional
    @Operation(summary = "List calls; filter by operator, from/to (call-centre days), campaign, direction (IN/OUT), "
            + "disposition, minTalk/maxTalk (seconds), hasRecording, contactId; an operator sees their own calls")
    public Page<CallView> list(@QueryParam("operator") String operator, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("campaign") String campaign,
            @QueryParam("direction") String direction, @QueryParam("disposition") String disposition,
            @QueryParam("minTalk") Integer minTalk, @QueryParam("maxTalk") Integer maxTalk,
            @QueryParam("hasRecording") Boolean hasRecording, @QueryParam("contactId") Long contactId,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, CallLog.SORTABLE, "-startedAt");
        return log.list(filter(operator, from, to, campaign, direction, disposition, minTalk, maxTalk, hasRecording,
                contactId), viewer(), request).map(CallView::of);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", Uploads.XLSX, MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "Export the calls GET /api/calls lists, with the same filters, as CSV or XLSX (format=csv|xlsx "
            + "or Accept), newest first, streamed")
    public Response export(@QueryParam("operator") String operator, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("campaign") String campaign,
            @QueryParam("direction") String direction, @QueryParam("disposition") String disposition,
            @QueryParam("minTalk") Integer minTalk, @QueryParam("maxTalk") Integer maxTalk,
            @QueryParam("hasRecording") Boolean hasRecording, @QueryParam("contactId") Long contactId,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        TabularFormat tabular = Uploads.exportFormat(format, headers.getAcceptableMediaTypes());
        CallLog.Filter filter = filter(operator, from, to, campaign, direction, disposition, minTalk, maxTalk,
                hasRecording, contactId);
        CallLog.Viewer viewer = viewer();
        log.check(filter, viewer);
        java.time.ZoneId zone = callCentre.zone();
        // streamed: the calls are read page by page while the file is written, however many match
        StreamingOutput body = out -> {
            try (TabularWriter writer = TabularWriter.open(tabular, out, CallLog.EXPORT_COLUMNS, zone)) {
                log.export(filter, viewer, writer);
            }
        };
        return Response.ok(body, tabular.mediaType())
                .header("Content-Disposition", "attachment; filename=\"calls." + tabular.extension() + "\"").build();
    }

    private static CallLog.Filter filter(String operator, String from, String to, String campaign, String direction,
            String disposition, Integer minTalk, Integer maxTalk, Boolean hasRecording, Long contactId) {
        Call.Direction dir = null;
        if (direction != null && !direction.isBlank()) {
            try {
                dir = Call.Direction.valueOf(direction.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("direction", "must be IN or OUT");
            }
        }
        Cdr.Disposition disp = null;
        if (disposition != null && !disposition.isBlank()) {
            try {
                disp = Cdr.Disposition.of(disposition);
            } catch (Cdr.BadRecord e) {
                throw ProblemException.invalid("disposition", "must be ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION");
            }
        }
        return new CallLog.Filter(operator, date("from", from), date("to", to), campaign, dir, disp, minTalk, maxTalk,
                hasRecording, contactId);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One call; a CLIENT gets 404 for another client's, an operator for another operator's")
    public CallView get(@PathParam("id") long id) {
        return CallView.of(log.visible(id, viewer()));
    }

    @POST
    @Path("inbound")
    @Transactional
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Log the inbound call the operator is on; the PBX record joins it later")
    public Response logInbound(InboundInput input, @Context UriInfo uri) {
        checks.valid(input);
        User me = em.find(User.class, caller.userId());
        InboundCalls.Logged logged = inbound.log(input, me);
        InboundLogged body = new InboundLogged(CallView.of(logged.call()), logged.contact().getId(),
                logged.contactCreated(), logged.lead() == null ? null : LeadView.of(logged.lead()), logged.infoMailId());
        return Response.created(uri.getBaseUriBuilder().path("calls").path(String.valueOf(logged.call().getId())).build())
                .entity(body).build();
    }

    @POST
    @Path("import/asterisk")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @BodyLimit(value = Limits.CDR_IMPORT_BYTES, name = "Master.csv upload")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Import Asterisk Master.csv (16-21 columns); idempotent; answers {received, imported,"
            + " duplicates, conflicts, unassigned, joined, rejected:[{line, reason}]}; a conflict is a record stored"
            + " already with other content: the stored one is kept and the tamper trail says so")
    public CallRecords.Report importAsterisk(InputStream body) {
        java.nio.file.Path file = Imports.spool(body);
        try {
            return records.importMasterCsv(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // a temporary file
            }
        }
    }

    @POST
    @Path("events")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Call records pushed by a PBX as JSON (one object or an array), with Master.csv's field names")
    public CallRecords.Report events(JsonNode body) {
        if (body == null || body.isNull()) {
            throw ProblemException.badRequest("Send a call record as a JSON object, or an array of them");
        }
        return records.importRecords(CdrEvents.parse(body));
    }

    @PUT
    @Path("{id}/recording")
    @Consumes({"audio/wav", "audio/x-wav", "audio/wave", "audio/mpeg", "audio/mp3", "audio/ogg"})
    @BodyLimit(value = Limits.RECORDING_BYTES, name = "recording upload")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Attach a recording to a call that has none, or replace one a person attached (reason required; "
            + "the previous file is kept as a version). The PBX's recording is never replaced (409). WAV, MP3 or Ogg, "
            + "checked by content; size limit a setting")
    public CallView upload(@PathParam("id") long id, @QueryParam("reason") String reason, InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        Call call = log.visible(id, viewer());
        // refused before the body is read: the PBX's recording, a replacement without a reason
        RecordingAttachments.checkManual(call, reason);
        Recordings.Stored stored = recordings.store(id, body, Recordings.AudioType.ofMediaType(contentType).orElse(null),
                callCentre.settings().recordingMaxBytes());
        return CallView.of(attachments.attachManually(call, stored, caller.username(), reason));
    }

    @GET
    @Path("{id}/recording")
    @Produces({"audio/wav", "audio/mpeg", "audio/ogg", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "Listen: the recording with HTTP Range support (206, Content-Range; 416 out of range), its "
            + "SHA-256 in X-Recording-SHA256 and Repr-Digest; every fetch is a listen, one per user, call and 30 minutes")
    public Response listen(@PathParam("id") long id, @HeaderParam("Range") String rangeHeader) {
        Call call = log.visible(id, viewer());
        if (call.getRecordingFile() == null) {
            throw ProblemException.notFound("Call " + id + " has no recording");
        }
        java.nio.file.Path file = recordings.path(call.getRecordingFile());
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw ProblemException.notFound("The recording of call " + id + " is missing from the recordings directory");
        }
        Recordings.Range range;
        try {
            range = Recordings.Range.parse(rangeHeader, size);
        } catch (Recordings.Unsatisfiable e) {
            return Response.status(416).header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes")
                    .type("application/problem+json")
                    .entity(Map.of("type", "/problems/range", "title", "Range not satisfiable", "status", 416,
                            "detail", "The recording has " + size + " bytes; ask for a range inside them")).build();
        }
        String sha256 = hashes.of(call);
        listens.fetched(id, caller.username());
        long first = range == null ? 0 : range.first();
        long last = range == null ? size - 1 : range.last();
        StreamingOutput stream = out -> Recordings.copyRange(file, first, last, out);
        Response.ResponseBuilder response = Response.status(range == null ? 200 : 206).entity(stream)
                .type(call.getRecordingType()).header("Accept-Ranges", "bytes")
                .header("Content-Length", last - first + 1);
        if (sha256 != null) {
            response.header("X-Recording-SHA256", sha256).header("Repr-Digest", Recordings.reprDigest(sha256));
        }
        if (range != null) {
            response.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        return response.build();
    }

    @GET
    @Path("{id}/recording/versions")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CLIENT})
    @Operation(summary = "The call's recording now and every one it had before: sha256, origin, bytes, type, storedAt, "
            + "storedBy, replacedAt, replacedBy, reason (why it was replaced); the current one first")
    public List<RecordingVersionView> recordingVersions(@PathParam("id") long id) {
        Call call = log.visible(id, viewer());
        List<RecordingVersionView> views = new ArrayList<>();
        if (call.hasRecording()) {
            views.add(RecordingVersionView.current(call, hashes.of(call)));
        }
        attachments.versions(id).forEach(v -> views.add(RecordingVersionView.of(v)));
        return views;
    }

    @GET
    @Path("{id}/listens")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Who listened to this call's recording, and when")
    public List<ListenView> listens(@PathParam("id") long id) {
        log.visible(id, viewer());
        List<ListenView> views = new ArrayList<>();
        for (Listen l : log.listens(id)) {
            views.add(new ListenView(l.getId(), l.getCallId(), l.getUsername(), l.getAt()));
        }
        return views;
    }

    private CallLog.Viewer viewer() {
        Long scope = caller.readScope();
        boolean onlyOperator = caller.has(Role.OPERATOR) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN);
        return new CallLog.Viewer(scope, onlyOperator ? caller.username() : null);
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
