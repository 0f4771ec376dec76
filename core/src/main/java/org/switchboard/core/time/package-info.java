/**
 * The application's sense of "now": one clock every rule about time asks (calling windows, retries, callback
 * grace periods), which integration tests can move when the server is started to allow it.
 */
package org.switchboard.core.time;
