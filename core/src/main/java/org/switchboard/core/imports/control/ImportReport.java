package org.switchboard.core.imports.control;

import java.time.Instant;
import java.util.List;

/**
 * The result of an import, as the API returns it:
 * {@code {"id","kind","status","received","imported","updated","duplicates","rejected":[{"line","column","reason"}]}}.
 */
public record ImportReport(Long id, String kind, String mode, String status, String username, long received,
        long imported, long updated, long duplicates, List<Rejection> rejected, String message, Instant startedAt,
        Instant finishedAt) {
}
