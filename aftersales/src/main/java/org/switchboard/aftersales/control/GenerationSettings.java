package org.switchboard.aftersales.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.switchboard.aftersales.entity.AftersalesSettings;

/** The after-sales settings row (the migration creates it; there is only ever the one). */
@ApplicationScoped
public class GenerationSettings {

    @PersistenceContext
    EntityManager em;

    public AftersalesSettings current() {
        return em.find(AftersalesSettings.class, AftersalesSettings.SINGLETON);
    }

    /** Moves the daily run; the generator's timer reads the hour from this row. */
    public AftersalesSettings generateAt(AftersalesSettings settings, java.time.LocalTime time) {
        settings.generateAt(time);
        em.flush(); // the answer carries the new version
        return settings;
    }
}
