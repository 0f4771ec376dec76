package org.switchboard.aftersales.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** An exhibition or event clients are invited to: name, date, place, and the last day invitations go out. */
@Entity
@Table(name = "aftersales_event")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "aftersales_event_seq")
    @SequenceGenerator(name = "aftersales_event_seq", sequenceName = "aftersales_event_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "event_date", nullable = false)
    private LocalDate date;

    @Column(length = 500)
    private String place;

    @Column(name = "invite_until")
    private LocalDate inviteUntil;

    @Column(length = 4000)
    private String description;

    @Version
    private long version;

    protected Event() {
    }

    public Event(String name, LocalDate date, String place, LocalDate inviteUntil, String description) {
        describe(name, date, place, inviteUntil, description);
    }

    public void describe(String name, LocalDate date, String place, LocalDate inviteUntil, String description) {
        if (inviteUntil != null && inviteUntil.isAfter(date)) {
            throw new IllegalArgumentException("invitations cannot go out after the event");
        }
        this.name = name.trim();
        this.date = date;
        this.place = place;
        this.inviteUntil = inviteUntil;
        this.description = description;
    }

    /** The last day an invitation call may be made: the deadline, else the day before the event. */
    public LocalDate lastInvitationDay() {
        return inviteUntil != null ? inviteUntil : date.minusDays(1);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getPlace() {
        return place;
    }

    public LocalDate getInviteUntil() {
        return inviteUntil;
    }

    public String getDescription() {
        return description;
    }

    public long getVersion() {
        return version;
    }
}
