package org.switchboard.core.tabular;

import java.util.Map;

/**
 * One data row of a spreadsheet: its line (the header is line 1, as Excel numbers rows) and its cells by
 * normalised header name ({@link Headers#normalize}). Blank cells are absent.
 */
public record Row(int line, Map<String, String> cells) {

    public String get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The first non-blank value among alternative column names. */
    public String get(String column, String... aliases) {
        String value = get(column);
        for (int i = 0; value == null && i < aliases.length; i++) {
            value = get(aliases[i]);
        }
        return value;
    }

    public boolean isBlank() {
        return cells.values().stream().allMatch(v -> v == null || v.isBlank());
    }
}
