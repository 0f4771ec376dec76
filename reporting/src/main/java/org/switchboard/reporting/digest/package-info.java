/**
 * The daily digest: each client's yesterday — operator-day table, anomalies, QA results, the table as XLSX —
 * queued once per client and day in core's mail outbox, at the hour the reporting settings name.
 */
package org.switchboard.reporting.digest;
