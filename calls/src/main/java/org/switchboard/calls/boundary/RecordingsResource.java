package org.switchboard.calls.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.core.limits.BodyLimit;
import org.switchboard.core.limits.Limits;
import org.switchboard.calls.control.CallLog;
import org.switchboard.calls.control.RecordingAttachments;
import org.switchboard.calls.control.RecordingFiles;
import org.switchboard.calls.control.Recordings;
import org.switchboard.calls.entity.Call;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.security.Caller;
import org.switchboard.core.security.Roles;
import org.switchboard.core.settings.control.CallCentre;

@Path("recordings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
@Tag(name = "Calls")
public class RecordingsResource {

    @Inject
    CallLog log;

    @Inject
    Recordings recordings;

    @Inject
    RecordingAttachments attachments;

    @Inject
    CallCentre callCentre;

    @Inject
    Caller caller;

    /**
     * What became of a batch of recording files: {@code unchanged} counts files the call already had from the PBX
     * (the same SHA-256), sent again.
     */
    public record ImportResult(int received, int attached, int unchanged, List<String> unmatched,
            List<Rejected> rejected) {
    }

    public record Rejected(String file, String reason) {
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(value = Limits.RECORDINGS_IMPORT_BYTES, name = "recordings upload")
    @Operation(summary = "Attach the PBX's recording files, named as FreePBX names them; each is matched to its call by "
            + "the uniqueid in its name. The PBX's recording is final: the same file again changes nothing, another is "
            + "rejected; a recording a person attached before is kept as a version")
    public ImportResult importFiles(List<EntityPart> parts) {
        if (parts == null || parts.isEmpty()) {
            throw ProblemException.badRequest("Send the recording files as multipart/form-data parts");
        }
        long maxBytes = callCentre.settings().recordingMaxBytes();
        int attached = 0;
        int unchanged = 0;
        List<String> unmatched = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (EntityPart part : parts) {
            String name = part.getFileName().orElse(part.getName());
            Optional<String> uniqueid = RecordingFiles.uniqueid(name);
            if (uniqueid.isEmpty()) {
                rejected.add(new Rejected(name, "the name is not {kind}-{other}-{extension}-{YYYYMMDD}-{HHMMSS}-{uniqueid}.wav"));
                drain(part);
                continue;
            }
            List<Call> calls = log.byUniqueid(uniqueid.get());
            if (calls.isEmpty()) {
                unmatched.add(name);
                drain(part);
                continue;
            }
            long callId = calls.get(0).getId();
            try (InputStream content = part.getContent()) {
                Recordings.Stored stored = recordings.store(callId, content, null, maxBytes);
                RecordingAttachments.PbxResult result;
                try {
                    result = attachments.attachFromPbx(callId, stored, caller.username());
                } catch (RuntimeException e) {
                    recordings.delete(stored.file());
                    throw e;
                }
                switch (result.outcome()) {
                    case ATTACHED -> attached++;
                    case UNCHANGED -> {
                        recordings.delete(stored.file());
                        unchanged++;
                    }
                    case REJECTED -> {
                        recordings.delete(stored.file());
                        rejected.add(new Rejected(name, result.reason()));
                    }
                }
            } catch (ProblemException e) {
                rejected.add(new Rejected(name, e.getMessage()));
            } catch (IOException e) {
                rejected.add(new Rejected(name, "could not be read: " + e.getMessage()));
            }
        }
        return new ImportResult(parts.size(), attached, unchanged, unmatched, rejected);
    }

    private static void drain(EntityPart part) {
        try (InputStream in = part.getContent()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // nothing to keep
        }
    }
}
