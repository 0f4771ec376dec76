/**
 * Info e-mails: per-campaign templates (subject, plain-text and HTML bodies with {@code {{placeholders}}}, files
 * such as a price list) and sending one to a contact — filled for that contact and queued in core's mail outbox
 * in the caller's transaction — when an operator promises to "send the information".
 */
package org.switchboard.calls.info;
