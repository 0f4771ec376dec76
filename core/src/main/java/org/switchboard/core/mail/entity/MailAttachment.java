package org.switchboard.core.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A file sent with a {@link MailMessage}. Its size is kept beside the bytes, so that lists and views never load
 * them; only the sender does.
 */
@Entity
@Table(name = "core_mail_attachment")
public class MailAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_mail_attachment_seq")
    @SequenceGenerator(name = "core_mail_attachment_seq", sequenceName = "core_mail_attachment_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "mail_id", nullable = false)
    private Long mailId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    // a plain byte[] maps to VARBINARY: BYTEA on PostgreSQL (not @Lob, which would mean large-object OIDs there)
    @Column(nullable = false)
    private byte[] content;

    protected MailAttachment() {
    }

    public MailAttachment(Long mailId, String fileName, String contentType, byte[] content) {
        this.mailId = mailId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
        this.size = content.length;
    }

    public Long getId() {
        return id;
    }

    public Long getMailId() {
        return mailId;
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
}
