package org.switchboard.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.imports.entity.ImportJob;

class ImportJobTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aBestEffortJobCutOffByTheServerStoppingFailsWithTheRowsItCommitted() {
        ImportJob job = new ImportJob("contacts", "best-effort", "admin", START);
        job.progress(1500, 1200, 100, 150, 50);
        job.interrupted(START.plusSeconds(60));
        assertThat(job.getStatus()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.getFinishedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(job.getImported()).isEqualTo(1200);
        assertThat(job.getUpdated()).isEqualTo(100);
        assertThat(job.getMessage()).startsWith("The server stopped while this import was running; 1300 rows were"
                + " stored (1200 new, 100 updated) of the 1500 read so far.")
                .endsWith("Post the same file again: rows already stored are recognised and skipped.");
    }

    @Test
    void anAllOrNothingJobCutOffByTheServerStoppingStoredNothing() {
        ImportJob job = new ImportJob("contacts", ImportJob.ALL_OR_NOTHING, "admin", START);
        job.progress(1000, 1000, 0, 0, 0);
        job.interrupted(START.plusSeconds(5));
        assertThat(job.getStatus()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(job.getImported()).isZero();
        assertThat(job.getMessage()).contains("nothing of it was stored");
    }
}
