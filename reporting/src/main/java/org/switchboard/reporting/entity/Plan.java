package org.switchboard.reporting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An operator's plan for one day: calls to count and leads to make. */
@Entity
@Table(name = "reporting_plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reporting_plan_seq")
    @SequenceGenerator(name = "reporting_plan_seq", sequenceName = "reporting_plan_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String operator;

    @Column(name = "work_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private int calls;

    @Column(nullable = false)
    private int leads;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Version
    private long version;

    protected Plan() {
    }

    public Plan(String operator, LocalDate day, int calls, int leads, String by, Instant at) {
        this.operator = operator;
        this.day = day;
        set(calls, leads, by, at);
    }

    /** Sets the day's targets; a later plan for the same day replaces an earlier one. */
    public void set(int calls, int leads, String by, Instant at) {
        if (calls < 0 || leads < 0) {
            throw new IllegalArgumentException("a plan cannot be negative");
        }
        this.calls = calls;
        this.leads = leads;
        this.setBy = by;
        this.setAt = at;
    }

    public String getOperator() {
        return operator;
    }

    public LocalDate getDay() {
        return day;
    }

    public int getCalls() {
        return calls;
    }

    public int getLeads() {
        return leads;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant getSetAt() {
        return setAt;
    }
}
