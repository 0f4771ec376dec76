package org.switchboard.core.events;

/** A contact's personal data was erased on request; modules drop what they hold about the person. */
public record ContactErased(long contactId) {
}
