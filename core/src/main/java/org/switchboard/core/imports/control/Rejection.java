package org.switchboard.core.imports.control;

/** A bad row: its line (the header is line 1), the column at fault (null when the row as a whole is), why. */
public record Rejection(int line, String column, String reason) {
}
