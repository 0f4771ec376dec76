/**
 * Survey results: figures per question over the completed interviews of every published version (counts,
 * percentages, mean, median, NPS), quota completes and the response rate, cross-tabs, and the export of every
 * response as CSV or XLSX.
 */
package org.switchboard.surveys.results;
