package org.switchboard.calls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone listened to a call's recording (152-FZ: who listened to which recording is logged). */
@Entity
@Table(name = "calls_listen")
public class Listen {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_listen_seq")
    @SequenceGenerator(name = "calls_listen_seq", sequenceName = "calls_listen_seq", allocationSize = 50)
    private Long id;

    @Column(name = "call_id", nullable = false)
    private Long callId;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false)
    private Instant at;

    protected Listen() {
    }

    public Listen(Long callId, String username, Instant at) {
        this.callId = callId;
        this.username = username;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getCallId() {
        return callId;
    }

    public String getUsername() {
        return username;
    }

    public Instant getAt() {
        return at;
    }
}
