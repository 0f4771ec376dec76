package org.switchboard.core.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularWriterTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void xlsxHasTypedCellsAndABoldTotalsRowOutsideTheAutofilter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(TabularFormat.XLSX, out, List.of("date", "operator", "calls"), MOSCOW)) {
            writer.row(List.of(LocalDate.of(2026, 11, 2), "ivanov", 40));
            writer.row(List.of(LocalDate.of(2026, 11, 3), "petrov", 2));
            writer.totals(Arrays.asList(null, "Total", 42));
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(42.0);
            assertThat(book.getFontAt(sheet.getRow(3).getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
        }
    }

    @Test
    void csvEndsWithTheTotalsRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(TabularFormat.CSV, out, List.of("operator", "calls"), MOSCOW)) {
            writer.row(List.of("ivanov", 40));
            writer.totals(List.of("Total", 40));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFoperator,calls\r\nivanov,40\r\nTotal,40\r\n");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaStartWithAQuote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(TabularFormat.CSV, out, List.of("name", "phone", "note", "n"), MOSCOW)) {
            writer.row(List.of("=HYPERLINK(\"http://evil\",\"x\")", "+79991234567", "@SUM(A1)", -5));
            writer.row(List.of("-2+3", "+7 999 (mobile)", "\tx", 7));
            writer.row(List.of("+", "\r=1", "plain", 1));
        }
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+79991234567,'@SUM(A1),-5");
        assertThat(lines.get(2)).isEqualTo("'-2+3,'+7 999 (mobile),'\tx,7");
        assertThat(lines.get(3)).startsWith("'+,\"'\r=1\",plain,1");
    }

    @Test
    void aFormulaStaysTextInXlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter writer = TabularWriter.open(TabularFormat.XLSX, out, List.of("name"), MOSCOW)) {
            writer.row(List.of("=HYPERLINK(\"http://evil\",\"x\")"));
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var cell = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        }
    }

    @Test
    void aNeutralisedExportImportsBackAsItWas() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".csv");
        try {
            try (var out = java.nio.file.Files.newOutputStream(file);
                    TabularWriter writer = TabularWriter.open(TabularFormat.CSV, out, List.of("name", "phones"), MOSCOW)) {
                writer.row(List.of("=1+2", "+79991234567 (mobile)"));
            }
            List<Row> rows = new java.util.ArrayList<>();
            TabularReader.read(file, TabularFormat.CSV, rows::add);
            assertThat(rows.get(0).get("name")).isEqualTo("=1+2");
            assertThat(rows.get(0).get("phones")).isEqualTo("+79991234567 (mobile)");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
