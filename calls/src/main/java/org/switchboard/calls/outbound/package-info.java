/**
 * The operator's outbound day: a campaign's call list, the next-call queue that never offers what may not be
 * called, outcomes with their retry rules, and callbacks that are never lost.
 */
package org.switchboard.calls.outbound;
