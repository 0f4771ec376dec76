package org.switchboard.core.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.switchboard.core.audit.control.RevisionAuthor;

/** One audited change set: when, and by whom (the API caller, or {@code system} for start-up work). */
@Entity
@Table(name = "core_revision")
@RevisionEntity(RevisionAuthor.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_revision_seq")
    @SequenceGenerator(name = "core_revision_seq", sequenceName = "core_revision_seq", allocationSize = 50)
    @RevisionNumber
    private Long id;

    @RevisionTimestamp
    @Column(name = "at_millis", nullable = false)
    private long timestamp;

    @Column(nullable = false, length = 64)
    private String username;

    public Long getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
