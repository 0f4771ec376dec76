package org.switchboard.aftersales.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.core.time.AppClock;

/**
 * Once a minute: from the generation time on (call-centre zone), generates today's tasks if today has not been
 * generated yet. Safe to run anywhere and again: generation itself is idempotent and serialised.
 */
@Startup
@Singleton
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class GenerationClock {

    private static final Logger LOG = Logger.getLogger(GenerationClock.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    UserTransaction tx;

    @PersistenceContext
    EntityManager em;

    @Inject
    Generation generation;

    @Inject
    CallCentre callCentre;

    @Inject
    AppClock clock;

    private ScheduledFuture<?> schedule;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        schedule = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
    }

    void tick() {
        if (stopping) {
            return;
        }
        try {
            tx.begin();
            try {
                Object[] row = (Object[]) em.createNativeQuery("SELECT generation_time, last_generated FROM aftersales_settings"
                        + " WHERE id = 1").getSingleResult();
                ZonedDateTime now = clock.now().atZone(callCentre.zone());
                LocalDate last = row[1] == null ? null : ((java.sql.Date) row[1]).toLocalDate();
                if (due(((Time) row[0]).toLocalTime(), last, now.toLocalDate(), now.toLocalTime())) {
                    Generation.Result result = generation.generate(now.toLocalDate());
                    LOG.info(() -> "After-sales tasks for " + now.toLocalDate() + ": " + result.created() + " made, "
                            + result.skipped() + " skipped");
                }
                tx.commit();
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "After-sales generation round failed; the next round tries again", e);
        }
    }

    /** Today is generated once, from the generation time on. */
    public static boolean due(LocalTime at, LocalDate lastGenerated, LocalDate today, LocalTime now) {
        return !now.isBefore(at) && (lastGenerated == null || lastGenerated.isBefore(today));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        schedule.cancel(false);
    }
}
