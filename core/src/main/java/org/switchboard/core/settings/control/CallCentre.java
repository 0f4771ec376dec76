package org.switchboard.core.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.switchboard.core.settings.entity.Settings;

/** The call centre's settings as other modules need them: its time zone decides which day a record belongs to. */
@ApplicationScoped
public class CallCentre {

    @PersistenceContext
    EntityManager em;

    public Settings settings() {
        return em.find(Settings.class, Settings.SINGLETON);
    }

    public ZoneId zone() {
        return settings().zone();
    }

    /** The first instant of a call-centre day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }
}
