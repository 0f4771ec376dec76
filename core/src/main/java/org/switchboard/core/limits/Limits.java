package org.switchboard.core.limits;

import java.util.List;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;

/**
 * Every limit on what a caller may send, in one place so that docs/input-limits.md and the code say the same. The
 * server itself (undertow's max-post-size in configure.cli) refuses anything above {@link #LARGEST_BODY_BYTES}.
 */
public final class Limits {

    public static final long MB = 1024L * 1024L;

    /** A JSON (or any other) request body of an endpoint that does not say otherwise. */
    public static final long JSON_BODY_BYTES = MB;
    /** A CSV or XLSX import of contacts, leads, the do-not-call list or a call list. */
    public static final long IMPORT_BYTES = 100 * MB;
    /** An Asterisk Master.csv upload. */
    public static final long CDR_IMPORT_BYTES = 100 * MB;
    /** One recording put on one call (the recordingMaxBytes setting may be lower). */
    public static final long RECORDING_BYTES = 200 * MB;
    /** The multipart upload of the PBX's recording files, all parts together. */
    public static final long RECORDINGS_IMPORT_BYTES = 500 * MB;
    /** A file an information template sends along (the template's own 5 MB a file rule is checked too). */
    public static final long TEMPLATE_FILE_BYTES = 10 * MB;
    /** What the server accepts at all; must equal max-post-size in configure.cli. */
    public static final long LARGEST_BODY_BYTES = RECORDINGS_IMPORT_BYTES;

    /** Characters of one CSV line (a quoted cell may span lines: the whole record counts). */
    public static final int CSV_LINE_CHARS = 64 * 1024;
    /** Cells of one CSV record or XLSX row. */
    public static final int FIELDS_PER_ROW = 256;
    /** Data rows of one import. */
    public static final int IMPORT_ROWS = 200_000;
    /** Uncompressed bytes of one XLSX part (a sheet, the shared strings). */
    public static final long XLSX_ENTRY_BYTES = 500 * MB;
    /** Smallest compressed/uncompressed ratio of an XLSX part; below it the file is a zip bomb. */
    public static final double XLSX_MIN_INFLATE_RATIO = 0.01;
    /** Characters of all the shared strings of a workbook together. */
    public static final long XLSX_SHARED_STRINGS_CHARS = 50_000_000L;
    /** Characters of one XLSX cell (Excel's own limit is 32 767). */
    public static final int XLSX_CELL_CHARS = 32_767;

    /** Contact ids in one request. */
    public static final int CONTACT_IDS = 10_000;

    /** Characters of a number sent as an answer or a JSON number (digits, sign, point, exponent). */
    public static final int NUMBER_CHARS = 100;
    /** The largest |exponent| of a number, i.e. |scale| of a BigDecimal, the program accepts from outside. */
    public static final int NUMBER_SCALE = 1_000;

    /** JSON nesting depth (objects and arrays). */
    public static final int JSON_DEPTH = 64;
    /**
     * Characters of one JSON string: as many as the default body limit has bytes, so that a body over that limit is
     * refused as too large (413) whatever it holds, and the cap still holds for an endpoint with a larger body limit.
     */
    public static final int JSON_STRING_CHARS = (int) JSON_BODY_BYTES;

    private Limits() {
    }

    /** The 413 for a body larger than {@code limit} bytes. */
    public static ProblemException tooLarge(String name, long limit) {
        return new ProblemException(413, "Content too large", "The request body is larger than the " + name
                + " limit of " + describe(limit) + "; nothing of it was stored. Send a smaller body"
                + " (split a file into several).", List.of(), null);
    }

    /** A 400 naming the limit: the input as a whole exceeds it. */
    public static ProblemException exceeded(String detail) {
        return new ProblemException(400, "Limit exceeded", detail, List.of(), null);
    }

    /** A 400 naming the field and the limit. */
    public static ProblemException exceeded(String field, String message) {
        return new ProblemException(400, "Limit exceeded", "Field '" + field + "' " + message,
                List.of(new Problem.Violation(field, message)), null);
    }

    public static String describe(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + " MB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
