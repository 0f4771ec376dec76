/**
 * The import engine every module's spreadsheet import runs on: the upload is spooled to disk, read row by
 * row, handed to the module's {@link org.switchboard.core.imports.control.RowImporter} in chunks, each chunk
 * in its own transaction (or, all-or-nothing, after a checking pass, in one). Every bad row is reported with
 * line, column and reason; every good row is kept; progress is visible at {@code /api/imports/{id}}.
 */
package org.switchboard.core.imports;
