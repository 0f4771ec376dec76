/**
 * Control of the call centre: operator-day figures from rollups, plans, anomalies, QA of recordings,
 * exports and the daily digest. Reads the feature modules only through core's SPI and events.
 */
package org.switchboard.reporting;
