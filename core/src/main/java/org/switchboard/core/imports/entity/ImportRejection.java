package org.switchboard.core.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A bad row of an import, kept with the import so the whole report can be read again. */
@Entity
@Table(name = "core_import_rejection")
public class ImportRejection {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_import_rejection_seq")
    @SequenceGenerator(name = "core_import_rejection_seq", sequenceName = "core_import_rejection_seq", allocationSize = 50)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private Long importId;

    @Column(nullable = false)
    private int line;

    @Column(name = "column_name", length = 100)
    private String column;

    @Column(nullable = false, length = 1000)
    private String reason;

    protected ImportRejection() {
    }

    public ImportRejection(Long importId, int line, String column, String reason) {
        this.importId = importId;
        this.line = line;
        this.column = column;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public int getLine() {
        return line;
    }

    public String getColumn() {
        return column;
    }

    public String getReason() {
        return reason;
    }
}
