package org.switchboard.surveys.entity;

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
 * One version of a survey's questionnaire (kept as JSON). A DRAFT may be rewritten; once PUBLISHED it is frozen,
 * and every response keeps the version it was given on — editing a live survey writes a new version.
 */
@Entity
@Table(name = "surveys_version")
public class SurveyVersion {

    public enum State {
        DRAFT, PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "surveys_version_seq")
    @SequenceGenerator(name = "surveys_version_seq", sequenceName = "surveys_version_seq", allocationSize = 50)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state = State.DRAFT;

    @Column(length = 20000)
    private String intro;

    @Column(nullable = false, length = 1000000)
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @jakarta.persistence.Version
    private long version;

    protected SurveyVersion() {
    }

    public SurveyVersion(long surveyId, int number, String intro, String definition, Instant now) {
        this.surveyId = surveyId;
        this.number = number;
        this.intro = intro;
        this.definition = definition;
        this.createdAt = now;
    }

    public void rewrite(String intro, String definition) {
        if (state != State.DRAFT) {
            throw new IllegalStateException("version " + number + " is published and frozen");
        }
        this.intro = intro;
        this.definition = definition;
    }

    public void publish(Instant at) {
        if (state != State.DRAFT) {
            throw new IllegalStateException("version " + number + " is published already");
        }
        state = State.PUBLISHED;
        publishedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getSurveyId() {
        return surveyId;
    }

    public int getNumber() {
        return number;
    }

    public State getState() {
        return state;
    }

    public String getIntro() {
        return intro;
    }

    public String getDefinition() {
        return definition;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
