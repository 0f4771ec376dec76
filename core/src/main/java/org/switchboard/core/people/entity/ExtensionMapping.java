package org.switchboard.core.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One period in which a user held a telephony extension: call-centre days from {@code validFrom} (inclusive) to
 * {@code validTo} (exclusive, null while still held). The periods of one extension never overlap; a period is only
 * ever cut short, never moved, and every cut is in the tamper trail.
 */
@Entity
@Table(name = "core_extension_mapping")
public class ExtensionMapping {

    /** The first day of a period that has no beginning: the extension was held before its history was kept. */
    public static final LocalDate SINCE_ALWAYS = LocalDate.of(1970, 1, 1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_extension_mapping_seq")
    @SequenceGenerator(name = "core_extension_mapping_seq", sequenceName = "core_extension_mapping_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 16)
    private String extension;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(length = 1000)
    private String reason;

    @Version
    private long version;

    protected ExtensionMapping() {
    }

    public ExtensionMapping(String extension, String username, LocalDate validFrom, String setBy, Instant setAt,
            String reason) {
        this.extension = extension;
        this.username = username;
        this.validFrom = validFrom;
        this.setBy = setBy;
        this.setAt = setAt;
        this.reason = reason;
    }

    /** Ends the period on {@code day} (exclusive); a period is never lengthened or made to end before it began. */
    public void endOn(LocalDate day) {
        if (validTo != null && !day.isBefore(validTo)) {
            return;
        }
        this.validTo = day.isBefore(validFrom) ? validFrom : day;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /** Whether the period still reaches {@code day} or beyond. */
    public boolean reaches(LocalDate day) {
        return validTo == null || validTo.isAfter(day);
    }

    public Long getId() {
        return id;
    }

    public String getExtension() {
        return extension;
    }

    public String getUsername() {
        return username;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant getSetAt() {
        return setAt;
    }

    public String getReason() {
        return reason;
    }
}
