package org.switchboard.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;

/** The daily generation's own settings: the hour it runs (call-centre zone) and the last day it generated. One row. */
@Entity
@Table(name = "aftersales_settings")
public class AftersalesSettings {

    public static final int SINGLETON = 1;

    @Id
    private Integer id;

    @Column(name = "generation_time", nullable = false)
    private LocalTime generationTime;

    @Column(name = "last_generated")
    private LocalDate lastGenerated;

    @Version
    private long version;

    protected AftersalesSettings() {
    }

    /** Moves the daily run; seconds are dropped, the timer works in minutes. */
    public void generateAt(LocalTime time) {
        this.generationTime = time.withSecond(0).withNano(0);
    }

    /** Records a finished run; the day never moves backwards, so a late re-run of an old day does not hide newer ones. */
    public void generated(LocalDate day) {
        if (lastGenerated == null || day.isAfter(lastGenerated)) {
            lastGenerated = day;
        }
    }

    public Integer getId() {
        return id;
    }

    public LocalTime getGenerationTime() {
        return generationTime;
    }

    public LocalDate getLastGenerated() {
        return lastGenerated;
    }

    public long getVersion() {
        return version;
    }
}
