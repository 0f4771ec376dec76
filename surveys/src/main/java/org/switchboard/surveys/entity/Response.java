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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One interview of one contact on one version of a survey. IN_PROGRESS while questions remain (a dropped call
 * leaves it so, and the next call resumes it at {@code currentQuestion}); COMPLETE at the end; QUOTA_FULL when a
 * quota it falls into is full.
 */
@Entity
@Table(name = "surveys_response")
public class Response {

    public enum State {
        IN_PROGRESS, COMPLETE, QUOTA_FULL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "surveys_response_seq")
    @SequenceGenerator(name = "surveys_response_seq", sequenceName = "surveys_response_seq", allocationSize = 50)
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "version_id", nullable = false)
    private long versionId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(nullable = false, length = 64)
    private String operator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private State state = State.IN_PROGRESS;

    @Column(name = "current_question", length = 40)
    private String currentQuestion;

    @Column(name = "quota_code", length = 40)
    private String quotaCode;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected Response() {
    }

    public Response(long surveyId, long versionId, long contactId, Long entryId, String operator, String firstQuestion,
            Instant now) {
        this.surveyId = surveyId;
        this.versionId = versionId;
        this.contactId = contactId;
        this.entryId = entryId;
        this.operator = operator;
        this.currentQuestion = firstQuestion;
        this.startedAt = now;
    }

    /** Moves on to {@code next}, or completes when there is none. */
    public void advance(String next, Instant now) {
        requireOpen();
        currentQuestion = next;
        if (next == null) {
            state = State.COMPLETE;
            endedAt = now;
        }
    }

    public void quotaFull(String quota, Instant now) {
        requireOpen();
        state = State.QUOTA_FULL;
        quotaCode = quota;
        currentQuestion = null;
        endedAt = now;
    }

    /** Who goes on with it: the operator of the call that resumes it. */
    public void resumedBy(String operator, Long entryId) {
        this.operator = operator;
        if (entryId != null) {
            this.entryId = entryId;
        }
    }

    private void requireOpen() {
        if (state != State.IN_PROGRESS) {
            throw new IllegalStateException("response " + id + " is " + state);
        }
    }

    public Long getId() {
        return id;
    }

    public long getSurveyId() {
        return surveyId;
    }

    public long getVersionId() {
        return versionId;
    }

    public long getContactId() {
        return contactId;
    }

    public Long getEntryId() {
        return entryId;
    }

    public String getOperator() {
        return operator;
    }

    public State getState() {
        return state;
    }

    public String getCurrentQuestion() {
        return currentQuestion;
    }

    public String getQuotaCode() {
        return quotaCode;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public long getVersion() {
        return version;
    }
}
