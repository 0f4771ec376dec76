package org.switchboard.core.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.switchboard.core.limits.Limits;

/**
 * The spreadsheet readers on any bytes: they read rows or refuse the file with {@link TabularReader.UnreadableFile},
 * nothing else, and every row they hand out is within the limits.
 */
class TabularReaderFuzzTest {

    @FuzzTest
    void csv(byte[] bytes) throws Exception {
        read(bytes, TabularFormat.CSV);
    }

    @FuzzTest
    void xlsx(byte[] bytes) throws Exception {
        read(bytes, TabularFormat.XLSX);
    }

    private static void read(byte[] bytes, TabularFormat format) throws Exception {
        Path file = Files.createTempFile("fuzz-", "." + format.extension());
        try {
            Files.write(file, bytes);
            int[] rows = {0};
            TabularReader.read(file, format, row -> {
                rows[0]++;
                assertThat(row.cells()).hasSizeLessThanOrEqualTo(Limits.FIELDS_PER_ROW);
                row.cells().values().forEach(v -> assertThat(v.length()).isLessThanOrEqualTo(3 * Limits.CSV_LINE_CHARS));
            });
            assertThat(rows[0]).isLessThanOrEqualTo(Limits.IMPORT_ROWS);
        } catch (TabularReader.UnreadableFile refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
