package org.switchboard.core.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of an import and its running totals, updated after every chunk so progress can be watched. */
@Entity
@Table(name = "core_import")
public class ImportJob {

    /** The {@link #mode} of an import that stores its rows in one transaction. */
    public static final String ALL_OR_NOTHING = "all-or-nothing";

    public enum Status {
        RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_import_seq")
    @SequenceGenerator(name = "core_import_seq", sequenceName = "core_import_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 20)
    private String mode;

    @Column(nullable = false, length = 10)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status = Status.RUNNING;

    @Column(nullable = false, length = 64)
    private String username;

    private long received;
    private long imported;
    private long updated;
    private long duplicates;

    @Column(name = "rejected_count")
    private long rejectedCount;

    @Column(length = 2000)
    private String message;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    public ImportJob(String kind, String mode, String username, Instant now) {
        this.kind = kind;
        this.mode = mode;
        this.username = username;
        this.startedAt = now;
    }

    public void progress(long received, long imported, long updated, long duplicates, long rejectedCount) {
        this.received = received;
        this.imported = imported;
        this.updated = updated;
        this.duplicates = duplicates;
        this.rejectedCount = rejectedCount;
    }

    public void finish(Status status, String message, Instant now) {
        this.status = status;
        this.message = message;
        this.finishedAt = now;
    }

    /**
     * Ends a job the server stopped in the middle of (found {@code RUNNING} at the next start). A best-effort job's
     * totals count exactly the chunks that committed (they are written in each chunk's own transaction), so they are
     * what was stored; an all-or-nothing job writes in one transaction that marks it done as it commits, so an
     * unfinished one stored nothing.
     */
    public void interrupted(Instant now) {
        String again = " Post the same file again: rows already stored are recognised and skipped.";
        if (ALL_OR_NOTHING.equals(mode)) {
            imported = 0;
            updated = 0;
            duplicates = 0;
            message = "The server stopped while this all-or-nothing import was running; nothing of it was stored."
                    + " Post the same file again.";
        } else {
            message = "The server stopped while this import was running; " + (imported + updated) + " rows were stored"
                    + " (" + imported + " new, " + updated + " updated) of the " + received + " read so far." + again;
        }
        finish(Status.FAILED, message, now);
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getMode() {
        return mode;
    }

    public Status getStatus() {
        return status;
    }

    public String getUsername() {
        return username;
    }

    public long getReceived() {
        return received;
    }

    public long getImported() {
        return imported;
    }

    public long getUpdated() {
        return updated;
    }

    public long getDuplicates() {
        return duplicates;
    }

    public long getRejectedCount() {
        return rejectedCount;
    }

    public String getMessage() {
        return message;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
