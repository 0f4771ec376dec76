package org.switchboard.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A survey: its title and the SURVEY campaign that runs it; the questions live in its versions. */
@Entity
@Table(name = "surveys_survey")
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "surveys_survey_seq")
    @SequenceGenerator(name = "surveys_survey_seq", sequenceName = "surveys_survey_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Survey() {
    }

    public Survey(String title, String campaign, String createdBy, Instant now) {
        describe(title, campaign);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void describe(String title, String campaign) {
        this.title = title.trim();
        this.campaign = campaign;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
