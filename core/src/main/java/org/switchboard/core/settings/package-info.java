/**
 * Call-centre settings: the time zone that decides which day a call belongs to, and the thresholds of
 * DOMAIN.md's definitions and anomaly rules. Readable by everyone, changed by ADMIN.
 */
package org.switchboard.core.settings;
