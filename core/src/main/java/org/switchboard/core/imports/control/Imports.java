package org.switchboard.core.imports.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.core.audit.control.RevisionAuthor;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.core.imports.entity.ImportJob;
import org.switchboard.core.tabular.Row;
import org.switchboard.core.errors.Problems;
import org.switchboard.core.health.DatabaseProbe;
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularReader;

/**
 * Runs imports. Best effort: chunks of {@value #CHUNK} rows, each in its own transaction with the job's
 * totals; when a chunk fails as a whole (a database constraint), its rows are retried one by one so that
 * only the bad ones are lost. All-or-nothing: a checking pass over the whole file first; only when no row
 * is bad, the import pass in one transaction (flushed and cleared per chunk, so memory stays bounded) that
 * also marks the job done. Either way the job's totals never count a row that did not commit, which is what
 * {@link ImportRecovery} relies on after a crash.
 */
@ApplicationScoped
public class Imports {

    static final int CHUNK = 500;
    private static final int ALL_OR_NOTHING_TIMEOUT_SECONDS = 3600;
    private static final Logger LOG = Logger.getLogger(Imports.class.getName());

    @Resource
    UserTransaction tx;

    @Resource
    ManagedExecutorService executor;

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportJobs jobs;

    @Inject
    DatabaseProbe probe;

    /** Copies an upload to a temporary file: the request body can then be read twice, and never held in memory. */
    public static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("switchboard-import-", ".upload");
            try {
                Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (RuntimeException | IOException tooLargeOrBroken) {
                // the body limit stops the copy with its 413 problem: nothing of the upload stays behind
                deleteQuietly(file);
                throw tooLargeOrBroken;
            }
            if (Files.size(file) == 0) {
                Files.deleteIfExists(file);
                throw ProblemException.badRequest("The upload is empty: send a CSV or XLSX file as the request body");
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the upload: " + e.getMessage(), e);
        }
    }

    /**
     * Runs an import to its end and returns the report. The spooled file is deleted afterwards. When the database
     * goes away during the import, the answer is a 503 problem saying how many rows were stored (they stay).
     */
    public ImportReport run(RowImporter importer, Path file, TabularFormat format, ImportMode mode, String username) {
        TabularFormat effective = format(file, format);
        checkHeader(importer, file, effective);
        long id = jobs.start(importer.kind(), mode, username);
        String outage = execute(id, importer, file, effective, mode, username);
        if (outage != null) {
            throw Problems.unavailable("import " + id + " stopped: " + outage);
        }
        return jobs.report(id);
    }

    /** Starts an import in the background and returns its id at once; progress at {@code /api/imports/{id}}. */
    public long start(RowImporter importer, Path file, TabularFormat format, ImportMode mode, String username) {
        TabularFormat effective = format(file, format);
        checkHeader(importer, file, effective);
        long id = jobs.start(importer.kind(), mode, username);
        executor.submit(() -> execute(id, importer, file, effective, mode, username));
        return id;
    }

    /** @return null, or, when the database went away during the import, what was stored (the job is FAILED with it) */
    private String execute(long id, RowImporter importer, Path file, TabularFormat format, ImportMode mode,
            String username) {
        ImportJobs.Totals totals = new ImportJobs.Totals();
        boolean[] done = {false};
        try {
            RevisionAuthor.runAs(username, () -> {
                if (mode == ImportMode.ALL_OR_NOTHING) {
                    done[0] = allOrNothing(id, importer, file, format, totals);
                } else {
                    bestEffort(id, importer, file, format, totals);
                }
            });
            if (!done[0]) {
                jobs.finish(id, totals, ImportJob.Status.DONE, null);
            }
            return null;
        } catch (RuntimeException e) {
            boolean outage = probe.unavailable(e);
            String message;
            if (mode == ImportMode.ALL_OR_NOTHING) {
                totals.clearWrites();
                message = outage ? "the database went away during the import and nothing of it was kept; post the file"
                        + " again once the database is back" : "The import failed and nothing of it was kept: " + humanReason(e, id);
            } else {
                // the chunks stored so far are committed, and counted in totals
                message = (outage ? "the database went away during the import" : "The import stopped: " + humanReason(e, id))
                        + "; " + totals.stored() + " rows were stored of the " + totals.received + " read so far. Post the"
                        + " same file again: rows already stored are recognised and skipped.";
            }
            if (outage) {
                LOG.warning("Import " + id + " stopped, the database is unavailable: " + e);
                finishOnceTheDatabaseIsBack(id, totals, message);
                return message;
            }
            LOG.log(Level.SEVERE, "Import " + id + " failed", e);
            jobs.finish(id, totals, ImportJob.Status.FAILED, message);
            return null;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Cannot delete " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * Marks a job cut off by a database outage FAILED as soon as the database answers again (every 5 seconds, for up
     * to a day), in the background; a server restart in the meantime fails it at start ({@link ImportRecovery}).
     */
    private void finishOnceTheDatabaseIsBack(long id, ImportJobs.Totals totals, String message) {
        executor.submit(() -> {
            for (int attempt = 0; attempt < 17_280; attempt++) {
                try {
                    jobs.finish(id, totals, ImportJob.Status.FAILED, message);
                    return;
                } catch (RuntimeException stillDown) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        });
    }

    /**
     * Each chunk in its own transaction, together with the job's totals: what the job says was stored is exactly
     * what committed, even when the server stops between two chunks. A chunk that fails as a whole is retried row by
     * row.
     */
    private void bestEffort(long id, RowImporter importer, Path file, TabularFormat format, ImportJobs.Totals totals) {
        forEachChunk(file, format, chunk -> {
            try {
                totals.set(storeWithProgress(id, importer, chunk, totals));
            } catch (RuntimeException chunkFailure) {
                if (probe.unavailable(chunkFailure)) {
                    // not the rows' fault: trying them one by one would only report good rows as rejected
                    throw chunkFailure;
                }
                for (Row row : chunk) {
                    try {
                        totals.set(storeWithProgress(id, importer, List.of(row), totals));
                    } catch (RuntimeException rowFailure) {
                        ImportJobs.Totals next = totals.copy();
                        next.received++;
                        record(id, List.of(RowOutcome.rejected(row.line(), null, "could not be stored: "
                                + humanReason(rowFailure, id))), next);
                        totals.set(next);
                    }
                }
            }
        });
    }

    /** Stores rows and the job's new totals in one transaction; returns the totals, which count only once it commits. */
    private ImportJobs.Totals storeWithProgress(long id, RowImporter importer, List<Row> rows, ImportJobs.Totals before) {
        ImportJobs.Totals after = before.copy();
        inTransaction(() -> {
            after.received += rows.size();
            List<RowOutcome> outcomes = importer.process(rows, false);
            jobs.progressWithChunk(id, after, count(outcomes, after));
            return null;
        }, 0);
        return after;
    }

    /** @return whether the job was marked done with its rows (all-or-nothing marks it in the storing transaction) */
    private boolean allOrNothing(long id, RowImporter importer, Path file, TabularFormat format, ImportJobs.Totals totals) {
        forEachChunk(file, format, chunk -> {
            totals.received += chunk.size();
            List<RowOutcome> outcomes = dryRun(() -> importer.process(chunk, true));
            List<RowOutcome> bad = outcomes.stream().filter(o -> o.result() == RowOutcome.Result.REJECTED).toList();
            record(id, bad, totals);
        });
        if (totals.rejected > 0) {
            return false;
        }
        ImportJobs.Totals written = new ImportJobs.Totals();
        inTransaction(() -> {
            forEachChunk(file, format, chunk -> {
                written.received += chunk.size();
                List<RowOutcome> outcomes = importer.process(chunk, false);
                RowOutcome rejected = outcomes.stream().filter(o -> o.result() == RowOutcome.Result.REJECTED)
                        .findFirst().orElse(null);
                if (rejected != null) {
                    throw new IllegalStateException("line " + rejected.line() + " was refused on import: "
                            + rejected.problems());
                }
                outcomes.forEach(written::count);
                em.flush();
                em.clear();
                // progress to watch, in a transaction of its own; a job cut off here stored nothing
                jobs.progress(id, written, List.of());
            });
            jobs.finishWithImport(id, written);
            return null;
        }, ALL_OR_NOTHING_TIMEOUT_SECONDS);
        totals.imported = written.imported;
        totals.updated = written.updated;
        totals.duplicates = written.duplicates;
        return true;
    }

    /** Counts the outcomes into the totals and returns their rejections in line order. */
    private static List<Rejection> count(List<RowOutcome> outcomes, ImportJobs.Totals totals) {
        List<Rejection> rejections = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            totals.count(outcome);
            rejections.addAll(outcome.problems());
        }
        rejections.sort(Comparator.comparingInt(Rejection::line));
        return rejections;
    }

    private void record(long id, List<RowOutcome> outcomes, ImportJobs.Totals totals) {
        jobs.progress(id, totals, count(outcomes, totals));
    }

    private interface ChunkWork {
        void accept(List<Row> chunk);
    }

    private static void forEachChunk(Path file, TabularFormat format, ChunkWork work) {
        List<Row> chunk = new ArrayList<>(CHUNK);
        try {
            TabularReader.read(file, format, row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    work.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!chunk.isEmpty()) {
            work.accept(List.copyOf(chunk));
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work, int timeoutSeconds) {
        try {
            if (timeoutSeconds > 0) {
                tx.setTransactionTimeout(timeoutSeconds);
            }
            tx.begin();
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException(rootMessage(e), e);
        } finally {
            if (timeoutSeconds > 0) {
                try {
                    tx.setTransactionTimeout(0);
                } catch (SystemException ignored) {
                    // the default applies again with the next transaction anyway
                }
            }
        }
    }

    private <T> T dryRun(java.util.function.Supplier<T> work) {
        try {
            tx.begin();
            return work.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(rootMessage(e), e);
        } finally {
            rollbackQuietly();
        }
    }

    private void rollbackQuietly() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Rollback failed", e);
        }
    }

    private static TabularFormat format(Path file, TabularFormat requested) {
        if (requested != null) {
            return requested;
        }
        try {
            return TabularFormat.sniff(file);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Refuses the whole file up front when a required column is missing or the file is not a spreadsheet. */
    private static void checkHeader(RowImporter importer, Path file, TabularFormat format) {
        List<String> header;
        try {
            header = headerOf(file, format);
        } catch (TabularReader.UnreadableFile e) {
            deleteQuietly(file);
            throw ProblemException.badRequest(e.getMessage() + "; send UTF-8 CSV (comma or semicolon) or XLSX with a header row");
        } catch (IOException e) {
            deleteQuietly(file);
            throw ProblemException.badRequest("The file cannot be read (" + humanReason(e, 0) + "); send UTF-8 CSV"
                    + " (comma or semicolon) or XLSX with a header row");
        }
        Set<String> present = Set.copyOf(header);
        List<String> missing = importer.requiredColumns().stream()
                .filter(alternatives -> alternatives.stream().noneMatch(present::contains))
                .map(alternatives -> String.join(" or ", alternatives))
                .toList();
        if (!missing.isEmpty()) {
            deleteQuietly(file);
            throw ProblemException.badRequest("The header row lacks the column(s) " + String.join(", ", missing)
                    + "; found: " + String.join(", ", header));
        }
    }

    /** The header, after reading the whole file once: a file that breaks a limit is refused before a row is stored. */
    private static List<String> headerOf(Path file, TabularFormat format) throws IOException {
        return TabularReader.check(file, format);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans its temp directory
        }
    }

    /**
     * Why a row or an import failed, told so that a report never shows internal text (SQL, table or constraint names,
     * exception messages): a refusal meant for the caller keeps its words; anything else becomes a plain sentence with
     * a reference to the server log, where the failure is logged in full under that reference.
     */
    static String humanReason(Throwable failure, long job) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem.getMessage();
            }
            if (t instanceof TabularReader.UnreadableFile unreadable) {
                return unreadable.getMessage();
            }
        }
        String reference = "urn:uuid:" + java.util.UUID.randomUUID();
        LOG.log(Level.WARNING, "Import " + job + ": a failure reported as " + reference, failure);
        boolean constraint = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            constraint |= t.getClass().getName().equals("org.hibernate.exception.ConstraintViolationException")
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("23"));
        }
        return (constraint ? "it conflicts with data already stored (a value that must be unique is taken, or a"
                + " referenced record is missing)" : "the server could not store it")
                + " (reference " + reference + " in the server log)";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
