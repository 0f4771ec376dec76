package org.switchboard.calls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recording that was a call's current one until another replaced it: the file stays on disk and this row says
 * what it was, who stored it, who replaced it, when and why. Written once, never changed.
 */
@Entity
@Table(name = "calls_recording_version")
public class RecordingVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_recording_version_seq")
    @SequenceGenerator(name = "calls_recording_version_seq", sequenceName = "calls_recording_version_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private Long callId;

    @Column(nullable = false, length = 300)
    private String file;

    @Column(nullable = false, length = 40)
    private String type;

    @Column(nullable = false)
    private long bytes;

    @Column(length = 64)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Call.RecordingOrigin origin;

    @Column(name = "stored_at")
    private Instant storedAt;

    @Column(name = "stored_by", length = 64)
    private String storedBy;

    @Column(name = "replaced_at", nullable = false)
    private Instant replacedAt;

    @Column(name = "replaced_by", nullable = false, length = 64)
    private String replacedBy;

    @Column(length = 1000)
    private String reason;

    protected RecordingVersion() {
    }

    /** The call's current recording, as it is replaced now. */
    static RecordingVersion replaced(Call call, Instant at, String by, String reason) {
        RecordingVersion v = new RecordingVersion();
        v.callId = call.getId();
        v.file = call.getRecordingFile();
        v.type = call.getRecordingType();
        v.bytes = call.getRecordingBytes() == null ? 0 : call.getRecordingBytes();
        v.sha256 = call.getRecordingSha256();
        v.origin = call.getRecordingOrigin() == null ? Call.RecordingOrigin.LEGACY : call.getRecordingOrigin();
        v.storedAt = call.getRecordingStoredAt();
        v.storedBy = call.getRecordingStoredBy();
        v.replacedAt = at;
        v.replacedBy = by;
        v.reason = reason == null || reason.isBlank() ? null : reason.strip();
        return v;
    }

    public Long getId() {
        return id;
    }

    public Long getCallId() {
        return callId;
    }

    public String getFile() {
        return file;
    }

    public String getType() {
        return type;
    }

    public long getBytes() {
        return bytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Call.RecordingOrigin getOrigin() {
        return origin;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public String getStoredBy() {
        return storedBy;
    }

    public Instant getReplacedAt() {
        return replacedAt;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public String getReason() {
        return reason;
    }
}
