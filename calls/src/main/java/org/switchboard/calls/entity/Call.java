package org.switchboard.calls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.switchboard.calls.control.Cdr;

/**
 * One conversation attempt between an operator and a phone number. It comes from the PBX (a call-detail
 * record), from the operator who logged it live, or from both joined. The id is an identity column: the
 * bulk path inserts PBX records with plain JDBC batches and needs no id round trip.
 */
@Entity
@Table(name = "calls_call")
public class Call {

    public enum Direction {
        IN, OUT
    }

    public enum Source {
        PBX, OPERATOR, JOINED
    }

    /**
     * Where the current recording came from. The PBX's file is evidence and nobody replaces it; so is a file stored
     * before origins were kept ({@code LEGACY}), since no one can tell whether the PBX or a person delivered it.
     */
    public enum RecordingOrigin {
        PBX(true), MANUAL(false), LEGACY(true);

        private final boolean evidence;

        RecordingOrigin(boolean evidence) {
            this.evidence = evidence;
        }

        /** Whether a recording of this origin is evidence: never replaced, by anyone. */
        public boolean isEvidence() {
            return evidence;
        }
    }

    /** A stored recording file: its path under the recordings directory, media type, size and SHA-256 (hex). */
    public record RecordingFile(String file, String type, long bytes, String sha256) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 3)
    private Direction direction;

    @Column(length = 64)
    private String operator;

    @Column(length = 16)
    private String extension;

    @Column(name = "customer_number", length = 40)
    private String customerNumber;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Column(name = "talk_seconds", nullable = false)
    private int talkSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Cdr.Disposition disposition;

    @Column(length = 40)
    private String outcome;

    @Column(length = 4000)
    private String notes;

    /** Who entered the outcome, when someone other than the call's operator did (a supervisor for them). */
    @Column(name = "outcome_by", length = 64)
    private String outcomeBy;

    /** The SHA-256 of the PBX record's canonical form as delivered; written by the bulk path only. */
    @Column(name = "record_hash", length = 64, insertable = false, updatable = false)
    private String recordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Source source;

    @Column(length = 120, unique = true)
    private String identity;

    @Column(length = 64)
    private String uniqueid;

    private Integer sequence;

    @Column(length = 64)
    private String linkedid;

    @Column(length = 40)
    private String accountcode;

    @Column(length = 80)
    private String src;

    @Column(length = 80)
    private String dst;

    @Column(length = 200)
    private String clid;

    @Column(length = 120)
    private String channel;

    @Column(length = 120)
    private String dstchannel;

    @Column(name = "lead_requested", nullable = false)
    private boolean leadRequested;

    @Column(name = "meeting_requested_at")
    private Instant meetingRequestedAt;

    @Column(name = "meeting_note", length = 500)
    private String meetingNote;

    @Column(name = "info_email", length = 254)
    private String infoEmail;

    @Column(name = "recording_file", length = 300)
    private String recordingFile;

    @Column(name = "recording_type", length = 40)
    private String recordingType;

    @Column(name = "recording_bytes")
    private Long recordingBytes;

    @Column(name = "recording_sha256", length = 64)
    private String recordingSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "recording_origin", length = 10)
    private RecordingOrigin recordingOrigin;

    @Column(name = "recording_stored_at")
    private Instant recordingStoredAt;

    @Column(name = "recording_stored_by", length = 64)
    private String recordingStoredBy;

    /** When a person last attached or replaced the recording: what reporting's RECORDING_REPLACED looks at. */
    @Column(name = "recording_manual_at")
    private Instant recordingManualAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Call() {
    }

    /** A call the operator logs while talking; the PBX's record joins it later. */
    public static Call loggedInbound(String operator, String extension, String number, Long contactId, String campaign,
            Long clientId, Instant now) {
        Call call = new Call();
        call.direction = Direction.IN;
        call.operator = operator;
        call.extension = extension;
        call.customerNumber = number;
        call.contactId = contactId;
        call.campaign = campaign;
        call.clientId = clientId;
        call.startedAt = now;
        call.disposition = Cdr.Disposition.ANSWERED;
        call.source = Source.OPERATOR;
        call.createdAt = now;
        return call;
    }

    /**
     * An outbound call as the operator records its outcome; the PBX's record joins it later and brings the times.
     * Until then it is not answered (no talk time), whatever the outcome.
     */
    public static Call loggedOutbound(String operator, String extension, String number, Long contactId, String campaign,
            Long clientId, Cdr.Disposition disposition, Instant now) {
        Call call = loggedInbound(operator, extension, number, contactId, campaign, clientId, now);
        call.direction = Direction.OUT;
        call.disposition = disposition;
        return call;
    }

    public void wrapUp(String outcome, String notes) {
        this.outcome = outcome;
        this.notes = notes;
    }

    /** The wrap-up entered by {@code by}, who may be a supervisor recording it for the call's operator. */
    public void wrapUp(String outcome, String notes, String by) {
        wrapUp(outcome, notes);
        this.outcomeBy = by;
    }

    public String getOutcomeBy() {
        return outcomeBy;
    }

    public String getRecordHash() {
        return recordHash;
    }

    public void request(boolean lead, Instant meetingAt, String meetingNote, String infoEmail) {
        this.leadRequested = lead;
        this.meetingRequestedAt = meetingAt;
        this.meetingNote = meetingNote;
        this.infoEmail = infoEmail;
    }

    public boolean hasRecording() {
        return recordingFile != null;
    }

    /** Whether the current recording is evidence (the PBX's, or stored before origins were kept). */
    public boolean hasEvidenceRecording() {
        return hasRecording() && recordingOrigin != null && recordingOrigin.isEvidence();
    }

    /**
     * A person attaches a recording where none is, or replaces one a person attached; never the PBX's. The file
     * replaced is returned as a version to keep (null when there was none).
     */
    public RecordingVersion attachManually(RecordingFile recording, String by, Instant now, String reason) {
        if (hasEvidenceRecording()) {
            throw new IllegalStateException("call " + id + " has the PBX's recording; nobody replaces it");
        }
        if (hasRecording() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("replacing a recording needs a reason");
        }
        RecordingVersion previous = hasRecording() ? RecordingVersion.replaced(this, now, by, reason) : null;
        current(recording, RecordingOrigin.MANUAL, by, now);
        this.recordingManualAt = now;
        return previous;
    }

    /**
     * The PBX's recording arrives: it becomes current and a file a person attached before it is returned as a version
     * to keep. A call that already has an evidence recording takes no other.
     */
    public RecordingVersion attachFromPbx(RecordingFile recording, String by, Instant now, String reason) {
        if (hasEvidenceRecording()) {
            throw new IllegalStateException("call " + id + " already has the PBX's recording");
        }
        RecordingVersion previous = hasRecording() ? RecordingVersion.replaced(this, now, by, reason) : null;
        current(recording, RecordingOrigin.PBX, by, now);
        return previous;
    }

    private void current(RecordingFile recording, RecordingOrigin origin, String by, Instant now) {
        this.recordingFile = recording.file();
        this.recordingType = recording.type();
        this.recordingBytes = recording.bytes();
        this.recordingSha256 = recording.sha256();
        this.recordingOrigin = origin;
        this.recordingStoredAt = now;
        this.recordingStoredBy = by;
    }

    public boolean isAnswered() {
        return disposition == Cdr.Disposition.ANSWERED && talkSeconds > 0;
    }

    public Long getId() {
        return id;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getOperator() {
        return operator;
    }

    public String getExtension() {
        return extension;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public Long getContactId() {
        return contactId;
    }

    public String getCampaign() {
        return campaign;
    }

    public Long getClientId() {
        return clientId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public int getDurationSeconds() {
        return durationSeconds;
    }

    public int getTalkSeconds() {
        return talkSeconds;
    }

    public Cdr.Disposition getDisposition() {
        return disposition;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getNotes() {
        return notes;
    }

    public Source getSource() {
        return source;
    }

    public String getIdentity() {
        return identity;
    }

    public String getUniqueid() {
        return uniqueid;
    }

    public Integer getSequence() {
        return sequence;
    }

    public String getLinkedid() {
        return linkedid;
    }

    public String getAccountcode() {
        return accountcode;
    }

    public String getSrc() {
        return src;
    }

    public String getDst() {
        return dst;
    }

    public String getClid() {
        return clid;
    }

    public String getChannel() {
        return channel;
    }

    public String getDstchannel() {
        return dstchannel;
    }

    public boolean isLeadRequested() {
        return leadRequested;
    }

    public Instant getMeetingRequestedAt() {
        return meetingRequestedAt;
    }

    public String getMeetingNote() {
        return meetingNote;
    }

    public String getInfoEmail() {
        return infoEmail;
    }

    public String getRecordingFile() {
        return recordingFile;
    }

    public String getRecordingType() {
        return recordingType;
    }

    public Long getRecordingBytes() {
        return recordingBytes;
    }

    public String getRecordingSha256() {
        return recordingSha256;
    }

    public RecordingOrigin getRecordingOrigin() {
        return recordingOrigin;
    }

    public Instant getRecordingStoredAt() {
        return recordingStoredAt;
    }

    public String getRecordingStoredBy() {
        return recordingStoredBy;
    }

    public Instant getRecordingManualAt() {
        return recordingManualAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
