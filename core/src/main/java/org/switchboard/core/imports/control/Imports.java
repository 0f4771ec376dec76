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
import org.switchboard.core.tabular.TabularFormat;
import org.switchboard.core.tabular.TabularReader;

/**
 * Runs imports. Best effort: chunks of {@value #CHUNK} rows, each in its own transaction; when a chunk
 * fails as a whole (a database constraint), its rows are retried one by one so that only the bad ones
 * are lost. All-or-nothing: a checking pass over the whole file first; only when no row is bad, the
 * import pass in one transaction (flushed and cleared per chunk, so memory stays bounded).
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

    /** Copies an upload to a temporary file: the request body can then be read twice, and never held in memory. */
    public static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("switchboard-import-", ".upload");
            Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(file) == 0) {
                Files.deleteIfExists(file);
                throw ProblemException.badRequest("The upload is empty: send a CSV or XLSX file as the request body");
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the upload: " + e.getMessage(), e);
        }
    }

    /** Runs an import to its end and returns the report. The spooled file is deleted afterwards. */
    public ImportReport run(RowImporter importer, Path file, TabularFormat format, ImportMode mode, String username) {
        TabularFormat effective = format(file, format);
        checkHeader(importer, file, effective);
        long id = jobs.start(importer.kind(), mode, username);
        execute(id, importer, file, effective, mode, username);
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

    private void execute(long id, RowImporter importer, Path file, TabularFormat format, ImportMode mode,
            String username) {
        ImportJobs.Totals totals = new ImportJobs.Totals();
        try {
            RevisionAuthor.runAs(username, () -> {
                if (mode == ImportMode.ALL_OR_NOTHING) {
                    allOrNothing(id, importer, file, format, totals);
                } else {
                    bestEffort(id, importer, file, format, totals);
                }
            });
            jobs.finish(id, totals, ImportJob.Status.DONE, null);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + id + " failed", e);
            totals.clearWrites();
            jobs.finish(id, totals, ImportJob.Status.FAILED, "The import failed and nothing of it was kept: "
                    + rootMessage(e));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Cannot delete " + file + ": " + e.getMessage());
            }
        }
    }

    private void bestEffort(long id, RowImporter importer, Path file, TabularFormat format, ImportJobs.Totals totals) {
        forEachChunk(file, format, chunk -> {
            totals.received += chunk.size();
            List<RowOutcome> outcomes;
            try {
                outcomes = inTransaction(() -> importer.process(chunk, false), 0);
            } catch (RuntimeException chunkFailure) {
                outcomes = new ArrayList<>();
                for (Row row : chunk) {
                    try {
                        outcomes.addAll(inTransaction(() -> importer.process(List.of(row), false), 0));
                    } catch (RuntimeException rowFailure) {
                        outcomes.add(RowOutcome.rejected(row.line(), null, "could not be stored: " + rootMessage(rowFailure)));
                    }
                }
            }
            record(id, outcomes, totals);
        });
    }

    private void allOrNothing(long id, RowImporter importer, Path file, TabularFormat format, ImportJobs.Totals totals) {
        forEachChunk(file, format, chunk -> {
            totals.received += chunk.size();
            List<RowOutcome> outcomes = dryRun(() -> importer.process(chunk, true));
            List<RowOutcome> bad = outcomes.stream().filter(o -> o.result() == RowOutcome.Result.REJECTED).toList();
            record(id, bad, totals);
        });
        if (totals.rejected > 0) {
            return;
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
                jobs.progress(id, written, List.of());
            });
            return null;
        }, ALL_OR_NOTHING_TIMEOUT_SECONDS);
        totals.imported = written.imported;
        totals.updated = written.updated;
        totals.duplicates = written.duplicates;
    }

    private void record(long id, List<RowOutcome> outcomes, ImportJobs.Totals totals) {
        List<Rejection> rejections = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            totals.count(outcome);
            rejections.addAll(outcome.problems());
        }
        rejections.sort(Comparator.comparingInt(Rejection::line));
        jobs.progress(id, totals, rejections);
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
        } catch (IOException e) {
            deleteQuietly(file);
            throw ProblemException.badRequest(e.getMessage() + "; send UTF-8 CSV (comma or semicolon) or XLSX with a header row");
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

    private static List<String> headerOf(Path file, TabularFormat format) throws IOException {
        return TabularReader.header(file, format);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans its temp directory
        }
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
