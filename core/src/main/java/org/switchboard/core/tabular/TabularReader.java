package org.switchboard.core.tabular;

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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
import org.xml.sax.helpers.XMLFilterImpl;
import org.switchboard.core.limits.Limits;

/**
 * Reads a spreadsheet file row by row, never holding more than one row: CSV through Commons CSV, XLSX
 * through POI's event (SAX) API. XLSX cells arrive as text: dates as {@code YYYY-MM-DD} (or
 * {@code YYYY-MM-DD HH:MM:SS} when they carry a time), numbers without exponent or grouping.
 * <p>
 * Bounded whatever the file holds ({@link Limits}): a CSV line of at most {@value Limits#CSV_LINE_CHARS} characters
 * — a file of one endless line is refused after that many, not read whole — and a record (a quoted cell may span
 * lines) of about twice that; at most {@value Limits#FIELDS_PER_ROW} cells a row and {@value Limits#IMPORT_ROWS} data rows; an XLSX
 * part of at most {@value Limits#XLSX_ENTRY_BYTES} bytes uncompressed, compressed no better than 1 :
 * {@code 1/XLSX_MIN_INFLATE_RATIO} (a zip bomb is refused as it inflates), shared strings of at most
 * {@value Limits#XLSX_SHARED_STRINGS_CHARS} characters in all, a cell of at most {@value Limits#XLSX_CELL_CHARS}. Each
 * breach is an {@link UnreadableFile} whose message names the limit and is fit for the caller.
 * <p>
 * A CSV cell starting with {@code '} and then {@code = + - @}, a tab or a carriage return is one that
 * {@link TabularWriter} kept a spreadsheet from running as a formula: the {@code '} is taken off, so an export imports
 * back as it was.
 */
public final class TabularReader {

    static {
        ZipSecureFile.setMinInflateRatio(Limits.XLSX_MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Limits.XLSX_ENTRY_BYTES);
    }

    private static final Logger LOG = Logger.getLogger(TabularReader.class.getName());

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

    /**
     * Reads the whole file without keeping anything, so that a file breaking a limit is refused before an import
     * stores a row of it; returns the normalised header names.
     */
    public static List<String> check(Path file, TabularFormat format) throws IOException {
        return read(file, format, row -> { });
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
        try (BoundedReader reader = new BoundedReader(bomless(Files.newInputStream(file)), Limits.CSV_LINE_CHARS);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = null;
            int line = 0;
            int dataRows = 0;
            Iterator<CSVRecord> records = parser.iterator();
            for (CSVRecord record = next(records); record != null; record = next(records)) {
                line++;
                reader.recordDone();
                if (record.size() > Limits.FIELDS_PER_ROW) {
                    throw new UnreadableFile("Record " + line + " has " + record.size() + " cells; at most "
                            + Limits.FIELDS_PER_ROW + " cells a row are accepted", null);
                }
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
                        cells.put(header.get(i), unquoted(value));
                    }
                }
                Row row = new Row(line, cells);
                if (!row.isBlank()) {
                    if (++dataRows > Limits.IMPORT_ROWS) {
                        throw tooManyRows();
                    }
                    rows.accept(row);
                }
            }
            if (header == null) {
                throw new UnreadableFile("The file is empty: it needs a header row", null);
            }
            return header;
        }
    }

    /** The parser's next record, or null; its failures (and only its: not the row consumer's) as UnreadableFile. */
    private static CSVRecord next(Iterator<CSVRecord> records) throws UnreadableFile {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof UnreadableFile limit) {
                throw limit;
            }
            if (e.getCause() instanceof org.apache.commons.csv.CSVException broken) {
                // Commons CSV says where the file is broken (an unclosed quote, say); its message names no internals
                throw new UnreadableFile("The CSV file cannot be read: " + broken.getMessage(), e);
            }
            throw unreadable("The CSV file cannot be read", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableFile("The CSV file cannot be read: " + e.getMessage(), e);
        }
    }

    static UnreadableFile tooManyRows() {
        return new UnreadableFile("The file has more than " + Limits.IMPORT_ROWS + " data rows, the most one import takes;"
                + " split it into several files", null);
    }

    /** A breach the caller can act on, with the technical cause in the server log only. */
    private static UnreadableFile unreadable(String message, Throwable cause) {
        String id = "urn:uuid:" + java.util.UUID.randomUUID();
        LOG.log(Level.INFO, message + " (" + id + ")", cause);
        return new UnreadableFile(message + " (reference " + id + " in the server log)", cause);
    }

    /** Takes off the {@code '} that {@link TabularWriter#neutralised} put before a cell a spreadsheet would run. */
    static String unquoted(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /**
     * A reader that refuses a record longer than {@code limit} characters: a physical line, or the characters read
     * since the parser last finished a record (a quoted cell may span lines). The parser reads ahead a buffer's worth,
     * so a record may in fact have up to a buffer (8 192 characters) more; what matters is that an endless line stops.
     */
    static final class BoundedReader extends Reader {
        private final Reader in;
        private final int limit;
        private long line;
        private long record;

        BoundedReader(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = offset; i < offset + Math.max(n, 0); i++) {
                record++;
                if (buffer[i] == '\n') {
                    line = 0;
                } else if (++line > limit) {
                    throw new UnreadableFile("A line of the file is longer than " + limit + " characters, the most"
                            + " one line (or one record) may have; is it a CSV file?", null);
                }
            }
            if (record > 2L * limit + 8192) {
                throw new UnreadableFile("A record of the file (a quoted cell spanning lines) is longer than "
                        + 2L * limit + " characters, the most one record may have; is a quote left open?", null);
            }
            return n;
        }

        void recordDone() {
            record = 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Semicolons win when the header line has more of them than commas (Excel in a Russian locale writes them). */
    private static char guessDelimiter(Path file) throws IOException {
        try (Reader reader = bomless(Files.newInputStream(file))) {
            // at most one line's worth: a file of one endless line must not be read whole here either
            long semicolons = 0;
            long commas = 0;
            for (int i = 0, c = reader.read(); c >= 0 && c != '\n' && i < Limits.CSV_LINE_CHARS; i++, c = reader.read()) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    private static Reader bomless(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = pushback.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            pushback.unread(bom);
        }
        return new java.io.BufferedReader(new java.io.InputStreamReader(pushback, StandardCharsets.UTF_8));
    }

    private static List<String> readXlsx(Path file, Consumer<List<String>> onHeader, Consumer<Row> rows)
            throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new BoundedSharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFile("The workbook has no sheet", null);
            }
            SheetRows handler = new SheetRows(onHeader, rows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                BoundedCells bounded = new BoundedCells(parser);
                bounded.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDataFormatter(), false));
                bounded.parse(new InputSource(sheet));
            }
            if (handler.header == null) {
                throw new UnreadableFile("The first sheet is empty: it needs a header row", null);
            }
            return handler.header;
        } catch (ConsumerFailure e) {
            throw e.failure;
        } catch (UnreadableFile e) {
            throw e;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            // anything else POI throws on a broken workbook (a cell pointing at shared strings there are none of, say)
            // is the file's fault, not the server's
            throw limitOr(e, "The XLSX file cannot be read; save it again from Excel or LibreOffice as .xlsx");
        }
    }

    /** The limit a failure of POI's stems from, told plainly; any other failure as {@code message}. */
    private static UnreadableFile limitOr(Throwable failure, String message) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableFile limit) {
                return limit;
            }
            if (t instanceof ConsumerFailure consumer) {
                throw consumer.failure;
            }
            String text = String.valueOf(t.getMessage());
            if (text.contains("Zip bomb") || text.contains("max. ratio") || text.contains("exceeds the max")) {
                return new UnreadableFile("The XLSX file inflates to more than the limits allow (a part larger than "
                        + Limits.describe(Limits.XLSX_ENTRY_BYTES) + " uncompressed, or compressed more than "
                        + Math.round(1 / Limits.XLSX_MIN_INFLATE_RATIO) + " : 1): it is refused as a zip bomb", failure);
            }
        }
        return unreadable(message, failure);
    }

    /** What the header or row consumer threw, carried through POI's parsing untouched: it is not the file's fault. */
    private static final class ConsumerFailure extends RuntimeException {
        final RuntimeException failure;

        ConsumerFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** POI's shared strings, refused once their characters together pass {@link Limits#XLSX_SHARED_STRINGS_CHARS}. */
    static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {
        // no initialiser: the superclass constructor parses, and so counts, before this class's initialisers would run
        private long characters;

        BoundedSharedStrings(OPCPackage pkg) throws IOException, SAXException {
            super(pkg);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            characters += length;
            if (characters > Limits.XLSX_SHARED_STRINGS_CHARS) {
                throw new SAXException(new UnreadableFile("The workbook's shared strings have more than "
                        + Limits.XLSX_SHARED_STRINGS_CHARS + " characters, more than an import reads", null));
            }
            super.characters(ch, start, length);
        }
    }

    /** Refuses a cell of more than {@link Limits#XLSX_CELL_CHARS} characters and a row of too many cells. */
    static final class BoundedCells extends XMLFilterImpl {
        private boolean inCell;
        private long cellCharacters;
        private int cells;
        private int dataRows;

        BoundedCells(XMLReader parent) {
            super(parent);
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            if ("c".equals(localName)) {
                inCell = true;
                cellCharacters = 0;
                if (++cells > Limits.FIELDS_PER_ROW) {
                    throw new SAXException(new UnreadableFile("A row has more than " + Limits.FIELDS_PER_ROW
                            + " cells; at most " + Limits.FIELDS_PER_ROW + " cells a row are accepted", null));
                }
            } else if ("row".equals(localName)) {
                cells = 0;
                if (++dataRows > Limits.IMPORT_ROWS + 1) {
                    throw new SAXException(tooManyRows());
                }
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cellCharacters += inCell ? length : 0;
            if (cellCharacters > Limits.XLSX_CELL_CHARS) {
                throw new SAXException(new UnreadableFile("A cell has more than " + Limits.XLSX_CELL_CHARS
                        + " characters, the most a cell may have", null));
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("c".equals(localName)) {
                inCell = false;
            }
            super.endElement(uri, localName, qName);
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
                try {
                    onHeader.accept(List.copyOf(header));
                } catch (RuntimeException e) {
                    throw new ConsumerFailure(e);
                }
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
                try {
                    rows.accept(row);
                } catch (RuntimeException e) {
                    throw new ConsumerFailure(e);
                }
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
