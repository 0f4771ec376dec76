package org.switchboard.core.privacy;

import java.util.Collection;
import java.util.List;

/**
 * The one way a module keeps personal data: every module (core included) whose tables hold a contact id or text
 * about a person implements this as a CDI bean, for every such table. The contacts module calls every
 * implementation directly, inside its own transaction, for an access request ({@link #export}), an erasure
 * ({@link #erase}) and a merge ({@link #merge}); an implementation that fails makes the whole request fail and roll
 * back, so a contact is never half erased or half merged.
 */
public interface PersonalData {

    /** The name of this module's section in the access report, e.g. {@code calls}. */
    String section();

    /**
     * What this module holds about the person, as JSON-ready values (maps, lists, records): every record that
     * would be erased or moved, listed under a name per kind, e.g. {@code {"callbacks": [...], "meetings": [...]}}.
     */
    Object export(DataSubject subject);

    /**
     * Free texts this module keeps about the person (notes, places, answers) that may have been copied elsewhere,
     * e.g. into an e-mail or the tamper trail; asked of every module before any erases, so that the holders of such
     * copies can remove them too.
     */
    default Collection<String> texts(DataSubject subject) {
        return List.of();
    }

    /**
     * Removes the person's personal data from this module's tables, their audit history ({@code *_aud}) and their
     * files; keeps what the statistics need without the person (counts, durations, states). Throws to stop the
     * whole erasure.
     */
    void erase(Erasure erasure);

    /** Moves this module's records of contact {@code fromContactId} to {@code intoContactId} (a merge). */
    void merge(long fromContactId, long intoContactId);
}
