package org.switchboard.reporting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.hibernate.envers.Audited;

/** Reporting's settings: the one row of {@code reporting_settings}, seeded with the defaults by the migration. */
@Entity
@Table(name = "reporting_settings")
@Audited
public class ReportingSettingsRow {

    public static final long SINGLETON = 1L;
    public static final int MAX_SAMPLE_SIZE = 20;

    @Id
    private Long id;

    /** Recordings per operator in the day's QA sample. */
    @Column(name = "qa_sample_size", nullable = false)
    private int qaSampleSize;

    /** When the daily digest goes out, in the call-centre time zone. */
    @Column(name = "digest_time", nullable = false)
    private LocalTime digestTime;

    @Column(name = "digest_enabled", nullable = false)
    private boolean digestEnabled;

    @Version
    private long version;

    protected ReportingSettingsRow() {
    }

    /** Changes the values; true when any of them changed. The digest runs on whole minutes. */
    public boolean change(int qaSampleSize, LocalTime digestTime, boolean digestEnabled) {
        if (qaSampleSize < 1 || qaSampleSize > MAX_SAMPLE_SIZE) {
            throw new IllegalArgumentException("qaSampleSize must be between 1 and " + MAX_SAMPLE_SIZE);
        }
        LocalTime minute = digestTime.truncatedTo(ChronoUnit.MINUTES);
        boolean changed = qaSampleSize != this.qaSampleSize || !minute.equals(this.digestTime)
                || digestEnabled != this.digestEnabled;
        this.qaSampleSize = qaSampleSize;
        this.digestTime = minute;
        this.digestEnabled = digestEnabled;
        return changed;
    }

    public int getQaSampleSize() {
        return qaSampleSize;
    }

    public LocalTime getDigestTime() {
        return digestTime;
    }

    public boolean isDigestEnabled() {
        return digestEnabled;
    }

    public long getVersion() {
        return version;
    }
}
