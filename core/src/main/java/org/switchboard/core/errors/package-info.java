/**
 * Every failure leaves the API as {@code application/problem+json} (RFC 9457): a status, a title, a
 * detail that says what to change, field violations where there are some, and an instance id that is
 * also in the server log. No stack trace ever reaches a client.
 */
package org.switchboard.core.errors;
