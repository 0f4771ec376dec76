package org.switchboard.calls.info.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The e-mail a campaign sends when an operator promises information: subject and bodies with placeholders
 * (checked by {@link org.switchboard.calls.info.control.Placeholders} before they get here). Only an active
 * template is sent; at most one per campaign is its default, and the default must be active.
 */
@Entity
@Table(name = "calls_info_template")
public class InfoTemplate {

    public static final int MAX_NAME = 200;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_info_template_seq")
    @SequenceGenerator(name = "calls_info_template_seq", sequenceName = "calls_info_template_seq", allocationSize = 50)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject;

    @Column(name = "text_body", nullable = false, length = MAX_BODY)
    private String text;

    @Column(name = "html_body", length = MAX_BODY)
    private String html;

    @Column(nullable = false)
    private boolean active;

    /** The campaign's id while this is its default template; a unique key keeps it to one per campaign. */
    @Column(name = "default_for_campaign")
    private Long defaultForCampaign;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected InfoTemplate() {
    }

    public InfoTemplate(long campaignId, Instant now) {
        this.campaignId = campaignId;
        this.createdAt = now;
    }

    /** Replaces what the author wrote; a blank HTML body means plain text only. */
    public void write(String name, String subject, String text, String html, boolean active, String username,
            Instant now) {
        this.name = name;
        this.subject = subject;
        this.text = text;
        this.html = html == null || html.isBlank() ? null : html;
        this.active = active;
        if (!active) {
            defaultForCampaign = null;
        }
        this.updatedBy = username;
        this.updatedAt = now;
    }

    /** Makes this the campaign's default; the caller has taken the mark off the previous one. */
    public void makeDefault() {
        if (!active) {
            throw new IllegalStateException("an inactive template cannot be the default");
        }
        defaultForCampaign = campaignId;
    }

    public void dropDefault() {
        defaultForCampaign = null;
    }

    public boolean isDefaultTemplate() {
        return defaultForCampaign != null;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getText() {
        return text;
    }

    public String getHtml() {
        return html;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
