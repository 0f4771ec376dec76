/**
 * The mail outbox: modules queue e-mails with {@link org.switchboard.core.mail.Outbox} in their own
 * transactions; a poller delivers due messages through the server's mail session
 * ({@code java:jboss/mail/switchboard}), claiming each one so that no two senders deliver it twice, and
 * retrying failures with back-off; administrators watch and retry them at {@code /api/outbox}.
 */
package org.switchboard.core.mail;
