package org.switchboard.core.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** CSV or XLSX, told by the format parameter, the content type, or the file's first bytes. */
public enum TabularFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TabularFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a caller asked for by name ({@code csv}, {@code xlsx}); null when the name is unknown. */
    public static TabularFormat named(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "xlsx", "excel" -> XLSX;
            default -> null;
        };
    }

    /** An XLSX file is a ZIP archive: it starts with "PK". Anything else is read as CSV. */
    public static TabularFormat sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K' ? XLSX : CSV;
        }
    }
}
