package org.switchboard.reporting.digest.control;

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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.settings.control.CallCentre;
import org.switchboard.reporting.control.ReportingSettings;

/**
 * Once a minute, from the digest time on (call-centre zone), sends yesterday's digest to every client that has not
 * had it. Running it again, after a restart or on a second server, sends nothing twice: {@link Digests} records
 * each client's day.
 */
@Startup
@Singleton
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DigestClock {

    private static final Logger LOG = Logger.getLogger(DigestClock.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Digests digests;

    @Inject
    ReportingSettings settings;

    @Inject
    CallCentre callCentre;

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
            ReportingSettings.Values values = settings.current();
            ZonedDateTime now = ZonedDateTime.now(callCentre.zone());
            if (!due(values.digestEnabled(), values.digestTime(), now.toLocalTime())) {
                return;
            }
            LocalDate yesterday = now.toLocalDate().minusDays(1);
            for (long client : digests.clientsWithRecipients()) {
                try {
                    Digests.Outcome outcome = digests.send(client, yesterday, false);
                    if (outcome.mailId() != null) {
                        LOG.info(() -> "Digest of " + yesterday + " for client " + client + " queued as mail " + outcome.mailId());
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Digest of " + yesterday + " for client " + client + " failed; the next round tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Digest round failed", e);
        }
    }

    /** The digest of yesterday is due from the digest time until midnight. */
    public static boolean due(boolean enabled, LocalTime digestTime, LocalTime now) {
        return enabled && !now.isBefore(digestTime);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        schedule.cancel(false);
    }
}
