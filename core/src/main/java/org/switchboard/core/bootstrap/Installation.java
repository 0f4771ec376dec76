package org.switchboard.core.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** How this installation was first seeded (the one row of {@code core_installation}), written by {@link FirstStart}. */
@ApplicationScoped
public class Installation {

    @PersistenceContext
    EntityManager em;

    private volatile Boolean demo;

    /** Whether the installation was seeded as a demo, with guessable accounts: the UI shows a banner. */
    public boolean demo() {
        Boolean known = demo;
        if (known == null) {
            List<?> rows = em.createNativeQuery("SELECT demo FROM core_installation WHERE id = 1").getResultList();
            known = !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
            demo = known;
        }
        return known;
    }

    void seeded(boolean asDemo, java.time.Instant now) {
        em.createNativeQuery("INSERT INTO core_installation (id, demo, seeded_at) VALUES (1, ?1, ?2)")
                .setParameter(1, asDemo).setParameter(2, java.sql.Timestamp.from(now)).executeUpdate();
        demo = asDemo;
    }
}
