/**
 * Spreadsheets in and out — where call-centre data comes from and where managers read it. Reading streams
 * CSV (UTF-8, comma or semicolon, header row) and XLSX (first sheet, header row) row by row with bounded
 * memory; writing streams CSV and XLSX with typed cells, a header and an autofilter.
 */
package org.switchboard.core.tabular;
