/**
 * Quality review of recordings: the day's sample of calls to listen to per operator (successful and failed ones),
 * scorecards, reviews that are final once written (corrections are new reviews), and the QA report.
 */
package org.switchboard.reporting.qa;
