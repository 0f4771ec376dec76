package org.switchboard.calls.control;

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
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once, shortly after the start: hashes every recording stored before SHA-256s were kept, a hundred calls per
 * transaction, in the background (the start does not wait for it). A recording fetched before its turn is hashed
 * then ({@link RecordingHashes#of}).
 */
@Startup
@Singleton
@DependsOn("Startup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class RecordingHashBackfill {

    private static final Logger LOG = Logger.getLogger(RecordingHashBackfill.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    UserTransaction tx;

    @Inject
    RecordingHashes hashes;

    private ScheduledFuture<?> run;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        run = scheduler.schedule(this::fill, 5, TimeUnit.SECONDS);
    }

    void fill() {
        long after = 0;
        int filled = 0;
        try {
            while (!stopping) {
                tx.begin();
                try {
                    List<Object[]> batch = hashes.unhashed(after, BATCH);
                    for (Object[] row : batch) {
                        after = ((Number) row[0]).longValue();
                        if (hashes.fill(after, (String) row[1]) != null) {
                            filled++;
                        }
                    }
                    tx.commit();
                    if (batch.size() < BATCH) {
                        break;
                    }
                } catch (Exception e) {
                    tx.rollback();
                    throw e;
                }
            }
            if (filled > 0) {
                int count = filled;
                LOG.info(() -> "Hashed " + count + " recordings stored before SHA-256s were kept");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Hashing older recordings stopped; the rest are hashed when first fetched", e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        run.cancel(false);
    }
}
