package org.switchboard.core.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows of typed values as CSV or XLSX straight to an output stream. XLSX is written with POI's
 * streaming workbook (a window of rows in memory, the rest on disk) with typed cells — numbers, booleans,
 * dates and date-times as Excel values — a bold header, frozen header row and an autofilter. CSV is UTF-8
 * with a byte-order mark (so Excel reads Cyrillic), comma-separated, with dates as {@code YYYY-MM-DD} and
 * instants as {@code YYYY-MM-DD HH:MM:SS} in the call-centre time zone.
 * <p>
 * A spreadsheet opening the CSV runs a cell that starts with {@code = + - @}, a tab or a carriage return as a formula
 * ({@code =HYPERLINK(…)} in a contact's name): such a text cell is written with a leading {@code '} (OWASP "CSV
 * injection"), which Excel and LibreOffice show as text and {@link TabularReader} takes off again on import. A cell
 * that is a whole international phone number, {@code +} and digits only, stays as it is: it cannot be a formula
 * (Excel reads it as the number itself), and phones are what the call centre's clients read most. Numbers, dates and
 * booleans are the program's own values and are written plainly. XLSX needs none of this: its text cells are typed as
 * strings, never evaluated.
 */
public abstract class TabularWriter implements Closeable {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static TabularWriter open(TabularFormat format, OutputStream out, List<String> header, ZoneId zone)
            throws IOException {
        return format == TabularFormat.XLSX ? new Xlsx(out, header, zone) : new Csv(out, header, zone);
    }

    /** Writes one row; values may be String, Number, Boolean, LocalDate, LocalDateTime, Instant or null. */
    public abstract void row(List<?> values) throws IOException;

    /**
     * Writes the totals row after the data: in bold and outside the autofilter in XLSX, so sorting and filtering
     * the data never moves it; a plain last row in CSV.
     */
    public void totals(List<?> values) throws IOException {
        row(values);
    }

    /** The cell as text a spreadsheet will not evaluate: a leading {@code '} when it could start a formula. */
    public static String neutralised(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || isPhoneNumber(cell)) {
            return cell;
        }
        return "'" + cell;
    }

    /** {@code +} followed by digits only; checked character by character (no regular expression on user input). */
    static boolean isPhoneNumber(String cell) {
        if (cell.length() < 2 || cell.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static final class Csv extends TabularWriter {
        private final CSVPrinter printer;
        private final ZoneId zone;

        Csv(OutputStream out, List<String> header, ZoneId zone) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            this.zone = zone;
            printer.printRecord(header.stream().map(TabularWriter::neutralised).toList());
        }

        @Override
        public void row(List<?> values) throws IOException {
            printer.printRecord(values.stream().map(this::text).toList());
        }

        private String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Instant instant) {
                return LocalDateTime.ofInstant(instant, zone).format(DATE_TIME);
            }
            if (value instanceof LocalDateTime dateTime) {
                return dateTime.format(DATE_TIME);
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return neutralised(value.toString());
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    static final class Xlsx extends TabularWriter {
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final SXSSFSheet sheet;
        private final OutputStream out;
        private final ZoneId zone;
        private final CellStyle dateStyle;
        private final CellStyle dateTimeStyle;
        private final int columns;
        private final CellStyle totalsStyle;
        private int next = 1;
        private int lastData = 0;

        Xlsx(OutputStream out, List<String> header, ZoneId zone) {
            this.out = out;
            this.zone = zone;
            this.columns = header.size();
            this.sheet = workbook.createSheet("data");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            short dateTimeFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
            dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(dateFormat);
            dateTimeStyle = workbook.createCellStyle();
            dateTimeStyle.setDataFormat(dateTimeFormat);
            totalsStyle = workbook.createCellStyle();
            totalsStyle.setFont(bold);
            SXSSFRow row = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.max(12, header.get(i).length() + 4) * 256);
            }
            sheet.createFreezePane(0, 1);
        }

        @Override
        public void row(List<?> values) {
            lastData = next;
            write(values);
        }

        @Override
        public void totals(List<?> values) {
            SXSSFRow row = write(values);
            row.setRowStyle(totalsStyle);
            row.forEach(cell -> {
                if (cell.getCellStyle() == null || cell.getCellStyle().getIndex() == 0) {
                    cell.setCellStyle(totalsStyle);
                }
            });
        }

        private SXSSFRow write(List<?> values) {
            SXSSFRow row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                } else if (value instanceof LocalDateTime dateTime) {
                    cell.setCellValue(dateTime);
                    cell.setCellStyle(dateTimeStyle);
                } else if (value instanceof Instant instant) {
                    cell.setCellValue(LocalDateTime.ofInstant(instant, zone));
                    cell.setCellStyle(dateTimeStyle);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
            return row;
        }

        @Override
        public void close() throws IOException {
            try {
                sheet.setAutoFilter(new CellRangeAddress(0, lastData, 0, Math.max(0, columns - 1)));
                workbook.write(out);
                out.flush();
            } finally {
                workbook.close();
            }
        }
    }
}
