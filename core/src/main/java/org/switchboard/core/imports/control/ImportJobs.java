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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long id, Totals totals, List<Rejection> newRejections) {
        ImportJob job = em.find(ImportJob.class, id);
        job.progress(totals.received, totals.imported, totals.updated, totals.duplicates, totals.rejected);
        for (Rejection r : newRejections) {
            em.persist(new ImportRejection(id, r.line(), r.column(), r.reason()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(long id, Totals totals, ImportJob.Status status, String message) {
        ImportJob job = em.find(ImportJob.class, id);
        job.progress(totals.received, totals.imported, totals.updated, totals.duplicates, totals.rejected);
        job.finish(status, message, Instant.now());
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

        void clearWrites() {
            imported = 0;
            updated = 0;
            duplicates = 0;
        }
    }
}
