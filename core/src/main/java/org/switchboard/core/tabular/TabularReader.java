package org.switchboard.core.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a spreadsheet file row by row, never holding more than one row: CSV through Commons CSV, XLSX
 * through POI's event (SAX) API. XLSX cells arrive as text: dates as {@code YYYY-MM-DD} (or
 * {@code YYYY-MM-DD HH:MM:SS} when they carry a time), numbers without exponent or grouping.
 */
public final class TabularReader {

    private TabularReader() {
    }

    /** Thrown when the file as a whole cannot be read (not a spreadsheet, no header). */
    public static class UnreadableFile extends IOException {
        public UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Calls {@code rows} for each non-blank data row; returns the normalised header names. */
    public static List<String> read(Path file, TabularFormat format, Consumer<Row> rows) throws IOException {
        return format == TabularFormat.XLSX ? readXlsx(file, header -> { }, rows) : readCsv(file, header -> { }, rows);
    }

    /** The normalised header names only; reading stops after the header row. */
    public static List<String> header(Path file, TabularFormat format) throws IOException {
        List<String> names = new ArrayList<>();
        Consumer<List<String>> onHeader = header -> {
            names.addAll(header);
            throw new StopReading();
        };
        try {
            if (format == TabularFormat.XLSX) {
                readXlsx(file, onHeader, row -> { });
            } else {
                readCsv(file, onHeader, row -> { });
            }
        } catch (StopReading stop) {
            // the header is all we wanted
        }
        return names;
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static List<String> readCsv(Path file, Consumer<List<String>> onHeader, Consumer<Row> rows)
            throws IOException {
        char delimiter = guessDelimiter(file);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        try (Reader reader = bomless(Files.newInputStream(file)); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                if (header == null) {
                    header = new ArrayList<>();
                    for (String name : record) {
                        header.add(Headers.normalize(name));
                    }
                    onHeader.accept(List.copyOf(header));
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < record.size() && i < header.size(); i++) {
                    String value = record.get(i);
                    if (value != null && !value.isBlank()) {
                        cells.put(header.get(i), value);
                    }
                }
                Row row = new Row(line, cells);
                if (!row.isBlank()) {
                    rows.accept(row);
                }
            }
            if (header == null) {
                throw new UnreadableFile("The file is empty: it needs a header row", null);
            }
            return header;
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFile("The CSV file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Semicolons win when the header line has more of them than commas (Excel in a Russian locale writes them). */
    private static char guessDelimiter(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(bomless(Files.newInputStream(file)))) {
            String first = reader.readLine();
            if (first == null) {
                return ',';
            }
            long semicolons = first.chars().filter(c -> c == ';').count();
            long commas = first.chars().filter(c -> c == ',').count();
            return semicolons > commas ? ';' : ',';
        }
    }

    private static Reader bomless(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = pushback.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            pushback.unread(bom);
        }
        return new java.io.InputStreamReader(pushback, StandardCharsets.UTF_8);
    }

    private static List<String> readXlsx(Path file, Consumer<List<String>> onHeader, Consumer<Row> rows)
            throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("The workbook has no sheet", null);
            }
            SheetRows handler = new SheetRows(onHeader, rows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            if (handler.header == null) {
                throw new UnreadableFile("The first sheet is empty: it needs a header row", null);
            }
            return handler.header;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException
                | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new UnreadableFile("The XLSX file cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<List<String>> onHeader;
        private final Consumer<Row> rows;
        private List<String> header;
        private Map<Integer, String> current;
        private int rowNumber;

        SheetRows(Consumer<List<String>> onHeader, Consumer<Row> rows) {
            this.onHeader = onHeader;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            current = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                int width = current.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                header = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    header.add(Headers.normalize(current.get(i)));
                }
                onHeader.accept(List.copyOf(header));
                return;
            }
            Map<String, String> cells = new HashMap<>();
            current.forEach((column, value) -> {
                if (column < header.size() && value != null && !value.isBlank()) {
                    cells.put(header.get(column), value);
                }
            });
            Row row = new Row(rowNumber, cells);
            if (!row.isBlank()) {
                rows.accept(row);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            current.put((int) new CellReference(reference).getCol(), formattedValue);
        }
    }

    /** Formats date cells as ISO dates and numbers plainly, whatever the cell's display format says. */
    static final class IsoDataFormatter extends DataFormatter {
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        IsoDataFormatter() {
            super(java.util.Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value, use1904, true);
                return dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? dateTime.toLocalDate().toString()
                        : dateTime.format(DATE_TIME);
            }
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }
    }
}
