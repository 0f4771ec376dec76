package org.switchboard.core.settings.control;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every quarter of an hour, brings the "in force today" copies of the thresholds (the settings row, each campaign's
 * columns) to the versions in force today, so a version set from a later day takes effect on that day.
 */
@Startup
@Singleton
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ThresholdClock {

    private static final Logger LOG = Logger.getLogger(ThresholdClock.class.getName());
    private static final long PERIOD_MINUTES = 15;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ThresholdVersions versions;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        schedule = scheduler.scheduleWithFixedDelay(this::settle, 1, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    void settle() {
        try {
            versions.settleToday();
        } catch (RuntimeException e) {
            // an exception would end the schedule; the next round tries again
            LOG.log(Level.WARNING, "Bringing today's thresholds into the settings failed", e);
        }
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }
}
