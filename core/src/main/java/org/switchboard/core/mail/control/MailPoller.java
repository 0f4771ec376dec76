package org.switchboard.core.mail.control;

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
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link Postman} every {@code switchboard.mail.poll.seconds} on the server's managed scheduler, from the
 * moment the schema is migrated (it depends on the schema start-up bean) until the application stops. Rounds
 * never overlap; on stop, a running round finishes the message at hand and ends.
 */
@Startup
@Singleton
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailPoller {

    private static final Logger LOG = Logger.getLogger(MailPoller.class.getName());
    private static final long STOP_WAIT_SECONDS = 30;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Postman postman;

    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean stopping;
    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        MailSettings settings = postman.settings();
        int seconds = settings.pollSeconds();
        schedule = scheduler.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
        LOG.info(() -> "Mail outbox: due messages are sent every " + seconds + " s through " + Postman.MAIL_SESSION
                + " from " + settings.from() + (settings.username() == null ? "" : " as " + settings.username()));
    }

    void poll() {
        if (stopping || !round.tryLock()) {
            return;
        }
        try {
            int sent = postman.deliverDue(() -> stopping);
            if (sent > 0) {
                LOG.fine(() -> "Mail outbox: " + sent + " messages sent");
            }
        } catch (RuntimeException e) {
            // an exception would end the schedule; the next round tries again
            LOG.log(Level.WARNING, "Mail outbox round failed", e);
        } finally {
            round.unlock();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        schedule.cancel(false);
        try {
            if (round.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                round.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
