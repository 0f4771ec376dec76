package org.switchboard.core.integrity.entity;

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
import org.switchboard.core.integrity.Tamper;
import org.switchboard.core.integrity.TamperKind;

/** One entry of the tamper trail. Written once, never changed: the class has no way to change it. */
@Entity
@Table(name = "core_tamper")
public class TamperEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "core_tamper_seq")
    @SequenceGenerator(name = "core_tamper_seq", sequenceName = "core_tamper_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "by_user", nullable = false, length = 64)
    private String by;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private TamperKind kind;

    @Column(nullable = false, length = 20)
    private String subject;

    @Column(name = "subject_id", length = 120)
    private String subjectId;

    @Column(name = "campaign_code", length = 40)
    private String campaign;

    @Column(name = "client_id")
    private Long clientId;

    @Column(length = 64)
    private String operator;

    @Column(length = 60)
    private String field;

    @Column(name = "before_value", length = 4000)
    private String before;

    @Column(name = "after_value", length = 4000)
    private String after;

    @Column(length = 1000)
    private String reason;

    protected TamperEntry() {
    }

    public TamperEntry(Tamper t, String by, Instant at) {
        this.at = at;
        this.by = by;
        this.kind = t.kind();
        this.subject = t.subject();
        this.subjectId = cut(t.subjectId(), 120);
        this.campaign = t.campaign();
        this.clientId = t.clientId();
        this.operator = t.operator();
        this.field = cut(t.field(), 60);
        this.before = cut(t.before(), 4000);
        this.after = cut(t.after(), 4000);
        this.reason = cut(t.reason(), 1000);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getBy() {
        return by;
    }

    public TamperKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getCampaign() {
        return campaign;
    }

    public Long getClientId() {
        return clientId;
    }

    public String getOperator() {
        return operator;
    }

    public String getField() {
        return field;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getReason() {
        return reason;
    }
}
