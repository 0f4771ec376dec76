package org.switchboard.core.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.limits.Limits;

class TabularReaderLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aCsvOfOneEndlessLineIsRefusedAfterTheLineLimitNotReadWhole() throws Exception {
        Path file = dir.resolve("endless.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("full_name,phone\n");
            for (int i = 0; i < 50; i++) {
                w.write("x".repeat(1 << 20)); // 50 MB on one line
            }
        }
        List<Row> rows = new ArrayList<>();
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.CSV))
                .isInstanceOf(TabularReader.UnreadableFile.class)
                .hasMessageContaining("longer than " + Limits.CSV_LINE_CHARS + " characters");
        assertThat(rows).isEmpty();
    }

    @Test
    void anEndlessHeaderLineIsRefusedToo() throws Exception {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, ";".repeat(10 * Limits.CSV_LINE_CHARS));
        assertThatThrownBy(() -> TabularReader.header(file, TabularFormat.CSV))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("characters");
    }

    @Test
    void aQuotedCellLeftOpenOverManyShortLinesIsRefused() throws Exception {
        Path file = dir.resolve("open-quote.csv");
        Files.writeString(file, "full_name,phone\n\"" + "ab\n".repeat(200_000));
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.CSV))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("record");
    }

    @Test
    void aRowOfTooManyCellsIsRefused() throws Exception {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "full_name,phone\n" + "a,".repeat(Limits.FIELDS_PER_ROW) + "a\n");
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.CSV))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("at most 256 cells");
    }

    @Test
    void moreRowsThanAnImportTakesAreRefused() throws Exception {
        Path file = dir.resolve("long.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("n\n");
            for (int i = 0; i <= Limits.IMPORT_ROWS; i++) {
                w.write(i + "\n");
            }
        }
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.CSV))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("more than 200000 data rows");
    }

    @Test
    void aRowConsumersFailureIsNotDressedAsAnUnreadableFile() throws Exception {
        Path file = dir.resolve("ok.csv");
        Files.writeString(file, "n\n1\n");
        assertThatThrownBy(() -> TabularReader.read(file, TabularFormat.CSV, row -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
    }

    @Test
    void anXlsxRowConsumersFailureIsNotDressedAsAnUnreadableFile() throws Exception {
        Path file = dir.resolve("ok.xlsx");
        Files.write(file, workbook());
        assertThatThrownBy(() -> TabularReader.read(file, TabularFormat.XLSX, row -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(TabularReader.header(file, TabularFormat.XLSX)).containsExactly("full_name", "phone");
    }

    @Test
    void anXlsxZipBombIsRefusedAsItInflates() throws Exception {
        Path file = dir.resolve("bomb.xlsx");
        byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        withSheet(file, (zip, head, tail) -> {
            zip.write(head);
            for (int i = 0; i < 200; i++) {
                zip.write(spaces); // 200 MB of nothing, a few hundred KB compressed
            }
            zip.write(tail);
        });
        assertThat(Files.size(file)).isLessThan(2L * Limits.MB);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.XLSX))
                        .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("zip bomb"));
    }

    @Test
    void anXlsxCellLongerThanExcelAllowsIsRefused() throws Exception {
        Path file = dir.resolve("cell.xlsx");
        String cell = "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>" + "y1 ".repeat(Limits.XLSX_CELL_CHARS)
                + "</t></is></c></row>";
        withSheet(file, (zip, head, tail) -> {
            zip.write(head);
            zip.write(cell.getBytes(StandardCharsets.UTF_8));
            zip.write(tail);
        });
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.XLSX))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("32767 characters");
    }

    @Test
    void anXlsxRowOfTooManyCellsIsRefused() throws Exception {
        Path file = dir.resolve("wide.xlsx");
        StringBuilder row = new StringBuilder("<row r=\"3\">");
        for (int i = 0; i <= Limits.FIELDS_PER_ROW; i++) {
            row.append("<c r=\"").append(org.apache.poi.ss.util.CellReference.convertNumToColString(i))
                    .append("3\" t=\"inlineStr\"><is><t>a</t></is></c>");
        }
        withSheet(file, (zip, head, tail) -> {
            zip.write(head);
            zip.write(row.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            zip.write(tail);
        });
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.XLSX))
                .isInstanceOf(TabularReader.UnreadableFile.class).hasMessageContaining("cells");
    }

    interface SheetBody {
        void write(ZipOutputStream zip, byte[] head, byte[] tail) throws IOException;
    }

    /** A workbook written by TabularWriter whose sheet gets {@code body} written just before {@code </sheetData>}. */
    private void withSheet(Path file, SheetBody body) throws IOException {
        Path original = dir.resolve("original-" + file.getFileName());
        Files.write(original, workbook());
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(original.toFile());
                OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (var data = in.getInputStream(e)) {
                    if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                        String sheet = new String(data.readAllBytes(), StandardCharsets.UTF_8);
                        int at = sheet.indexOf("</sheetData>");
                        body.write(zip, sheet.substring(0, at).getBytes(StandardCharsets.UTF_8),
                                sheet.substring(at).getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
    }

    @Test
    void somethingThatIsNoWorkbookSaysSoWithoutInternals() throws Exception {
        Path file = dir.resolve("junk.xlsx");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> TabularReader.check(file, TabularFormat.XLSX))
                .isInstanceOf(TabularReader.UnreadableFile.class)
                .hasMessageStartingWith("The XLSX file cannot be read")
                .message().doesNotContain("Exception").doesNotContain(dir.toString());
    }

    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(TabularFormat.XLSX, out, List.of("full_name", "phone"), ZoneId.of("UTC"))) {
            writer.row(List.of("Ivan", "+79991234567"));
        }
        return out.toByteArray();
    }
}
