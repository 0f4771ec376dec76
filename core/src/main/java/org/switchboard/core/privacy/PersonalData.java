package org.switchboard.core.privacy;

/**
 * Implemented (as a CDI bean) by a module that keeps data about contacts outside the contact itself, e.g. the
 * calls module's call records and recordings. The contacts module gathers every section for an access
 * request; erasure is announced with the {@link org.switchboard.core.events.ContactErased} event.
 */
public interface PersonalData {

    /** The name of this module's section in the access report, e.g. {@code calls}. */
    String section();

    /** What this module holds about the contact, as JSON-ready values. */
    Object about(long contactId);
}
