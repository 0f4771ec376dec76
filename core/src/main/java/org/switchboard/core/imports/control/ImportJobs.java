package org.switchboard.core.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.imports.entity.ImportRejection;

/** Writes an import's progress in transactions of its own, so it is visible while the import runs. */
@ApplicationScoped
public class ImportJobs {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long start(String kind, ImportMode mode, String username) {
        ImportJob job = new ImportJob(kind, mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), username,
                Instant.now());
        em.persist(job);
        em.flush();
        return job.getId();
    }

    /** Progress that stores no rows (a checking pass, a row refused alone), in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long id, Totals totals, List<Rejection> newRejections) {
        record(id, totals, newRejections);
    }

    /**
     * Progress in the transaction that stores the chunk: the totals commit with the rows they count, or not at all,
     * so a job the server stopped in the middle of still says exactly what was stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressWithChunk(long id, Totals totals, List<Rejection> newRejections) {
        record(id, totals, newRejections);
    }

    private void record(long id, Totals totals, List<Rejection> newRejections) {
        ImportJob job = em.find(ImportJob.class, id);
        job.progress(totals.received, totals.imported, totals.updated, totals.duplicates, totals.rejected);
        for (Rejection r : newRejections) {
            em.persist(new ImportRejection(id, r.line(), r.column(), r.reason()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(long id, Totals totals, ImportJob.Status status, String message) {
        end(id, totals, status, message);
    }

    /** Marks the job done in the transaction that stores all its rows (all-or-nothing): done exactly when stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finishWithImport(long id, Totals totals) {
        end(id, totals, ImportJob.Status.DONE, null);
    }

    private void end(long id, Totals totals, ImportJob.Status status, String message) {
        ImportJob job = em.find(ImportJob.class, id);
        job.progress(totals.received, totals.imported, totals.updated, totals.duplicates, totals.rejected);
        job.finish(status, message, Instant.now());
    }

    /**
     * Fails every job still marked running. Called once at start, when none can be running: a job runs in this
     * server's threads only, so one still {@code RUNNING} was cut off when the server stopped.
     *
     * @return the jobs failed
     */
    @Transactional
    public List<ImportJob> failInterrupted() {
        List<ImportJob> running = em.createQuery("SELECT j FROM ImportJob j WHERE j.status = :running ORDER BY j.id",
                ImportJob.class).setParameter("running", ImportJob.Status.RUNNING).getResultList();
        Instant now = Instant.now();
        running.forEach(job -> job.interrupted(now));
        return running;
    }

    public ImportJob find(long id) {
        return em.find(ImportJob.class, id);
    }

    public List<Rejection> rejections(long id) {
        return em.createQuery("SELECT r FROM ImportRejection r WHERE r.importId = :id ORDER BY r.line, r.id",
                ImportRejection.class).setParameter("id", id).getResultStream()
                .map(r -> new Rejection(r.getLine(), r.getColumn(), r.getReason())).toList();
    }

    public ImportReport report(long id) {
        ImportJob job = find(id);
        return new ImportReport(job.getId(), job.getKind(), job.getMode(), job.getStatus().name(), job.getUsername(),
                job.getReceived(), job.getImported(), job.getUpdated(), job.getDuplicates(), rejections(id),
                job.getMessage(), job.getStartedAt(), job.getFinishedAt());
    }

    /** Running totals of one import. */
    public static final class Totals {
        long received;
        long imported;
        long updated;
        long duplicates;
        long rejected;

        void count(RowOutcome outcome) {
            switch (outcome.result()) {
                case IMPORTED -> imported++;
                case UPDATED -> updated++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }

        Totals copy() {
            Totals copy = new Totals();
            copy.set(this);
            return copy;
        }

        void set(Totals other) {
            received = other.received;
            imported = other.imported;
            updated = other.updated;
            duplicates = other.duplicates;
            rejected = other.rejected;
        }

        /** Rows written: a failed import keeps these only when its chunks committed one by one. */
        long stored() {
            return imported + updated;
        }

        void clearWrites() {
            imported = 0;
            updated = 0;
            duplicates = 0;
        }
    }
}
