package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.switchboard.core.limits.Limits;

/**
 * What the calls module reads from outside: Master.csv lines, the Range header of a recording fetch and recording file
 * names. On any input: no exception but the documented ones, and bounded results.
 */
class CallsInputFuzzTest {

    private static final Pattern OLD_NAME = Pattern.compile(
            "^(?:.*[/\\\\])?[^-/\\\\]+-.*-\\d{8}-\\d{6}-(\\d+(?:\\.\\d+)?)\\.(?i:wav|mp3|ogg)$");

    @FuzzTest
    void masterCsv(String text) throws Exception {
        if (text == null) {
            return;
        }
        CallRecords.Totals totals = new CallRecords.Totals();
        List<CallRecords.Numbered> parsed = new ArrayList<>();
        CallRecords.read(new BufferedReader(new StringReader(text)), totals, parsed::addAll);
        CallRecords.Report report = totals.report();
        assertThat(report.received()).isEqualTo(parsed.size() + report.rejected().size());
        report.rejected().forEach(bad -> assertThat(bad.reason()).isNotBlank().hasSizeLessThan(2 * Limits.CSV_LINE_CHARS));
    }

    @FuzzTest
    void rangeHeader(String header, long size) {
        long fileSize = Math.abs(size % (1L << 40));
        try {
            Recordings.Range range = Recordings.Range.parse(header, fileSize);
            if (range != null) {
                assertThat(range.first()).isBetween(0L, range.last());
                assertThat(range.last()).isLessThan(fileSize);
            }
        } catch (Recordings.Unsatisfiable expected) {
            // a 416, as documented
        }
    }

    @FuzzTest
    void recordingFileName(String name) {
        Optional<String> uniqueid = RecordingFiles.uniqueid(name);
        if (name == null) {
            assertThat(uniqueid).isEmpty();
            return;
        }
        uniqueid.ifPresent(id -> assertThat(name).contains(id));
        String trimmed = name.trim();
        boolean comparable = trimmed.length() <= 300 && trimmed.chars().noneMatch(c -> c == '/' || c == '\\'
                || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029');
        if (comparable) {
            Matcher m = OLD_NAME.matcher(trimmed);
            assertThat(uniqueid).isEqualTo(m.matches() ? Optional.of(m.group(1)) : Optional.empty());
        }
    }

    @Test
    void anEndlessMasterCsvLineIsRejectedWithoutBeingHeld() throws Exception {
        Reader endless = new Reader() {
            private long left = 300L * 1024 * 1024; // 300 M characters on one line, then a good line

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        CallRecords.Totals totals = new CallRecords.Totals();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                CallRecords.read(new BufferedReader(endless), totals, chunk -> { }));
        assertThat(totals.report().rejected()).singleElement()
                .satisfies(bad -> assertThat(bad.reason()).contains("longer than 65536 characters"));
    }

    @Test
    void linesEndAsReadLineEndsThem() throws Exception {
        BufferedReader reader = new BufferedReader(new StringReader("a\r\nb\rc\n\nd"));
        StringBuilder line = new StringBuilder();
        List<String> lines = new ArrayList<>();
        while (CallRecords.nextLine(reader, line) >= 0) {
            lines.add(line.toString());
        }
        assertThat(lines).containsExactly("a", "b", "c", "", "d");
    }

    @Test
    void recordingNamesAreReadInLinearTime() {
        assertThat(RecordingFiles.uniqueid("/var/spool/out-89991234567-101-20261102-101500-1762066500.42.wav"))
                .contains("1762066500.42");
        assertThat(RecordingFiles.uniqueid("in-101-20261102-101500-1762066500.WAV")).contains("1762066500");
        assertThat(RecordingFiles.uniqueid("x-20261102-101500-1.wav")).isEmpty();
        String adversarial = "a-" + "-".repeat(200_000) + "1.wav";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(RecordingFiles.uniqueid(adversarial)).isEmpty());
    }
}
