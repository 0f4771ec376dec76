package org.switchboard.calls.info.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file an {@link InfoTemplate} sends along, kept in the database so that every server sends the same bytes.
 * Its size sits beside the bytes, so that views list files without loading them.
 */
@Entity
@Table(name = "calls_info_attachment")
public class InfoAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_info_attachment_seq")
    @SequenceGenerator(name = "calls_info_attachment_seq", sequenceName = "calls_info_attachment_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "template_id", nullable = false)
    private Long templateId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    // a plain byte[] maps to VARBINARY: BYTEA on PostgreSQL (not @Lob, which would mean large-object OIDs there)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InfoAttachment() {
    }

    public InfoAttachment(long templateId, String fileName, String contentType, byte[] content, Instant now) {
        this.templateId = templateId;
        this.fileName = fileName;
        this.createdAt = now;
        replace(contentType, content, now);
    }

    /** A new upload under the same name. */
    public void replace(String contentType, byte[] content, Instant now) {
        this.contentType = contentType;
        this.content = content.clone();
        this.size = content.length;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSize() {
        return size;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
