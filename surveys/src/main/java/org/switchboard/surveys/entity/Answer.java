package org.switchboard.surveys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One answer of a response, as stored: option codes joined by ';', a number, a date or text (null: skipped). */
@Entity
@Table(name = "surveys_answer")
public class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "surveys_answer_seq")
    @SequenceGenerator(name = "surveys_answer_seq", sequenceName = "surveys_answer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    @Column(name = "question_code", nullable = false, length = 40)
    private String question;

    @Column(name = "value_text", length = 4000)
    private String value;

    @Column(nullable = false)
    private int position;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected Answer() {
    }

    public Answer(long responseId, String question, String value, int position, Instant at) {
        this.responseId = responseId;
        this.question = question;
        this.value = value;
        this.position = position;
        this.answeredAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getResponseId() {
        return responseId;
    }

    public String getQuestion() {
        return question;
    }

    public String getValue() {
        return value;
    }

    public int getPosition() {
        return position;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
