/**
 * Personal data across modules (152-FZ, GDPR): each module that keeps something about a contact says what,
 * so that an access request shows everything and an erasure removes it everywhere.
 */
package org.switchboard.core.privacy;
