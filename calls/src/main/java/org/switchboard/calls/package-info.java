/**
 * Every conversation as a record: inbound logging, Asterisk call records and recordings, campaigns,
 * call lists, the next-call queue, callbacks and meetings.
 */
package org.switchboard.calls;
