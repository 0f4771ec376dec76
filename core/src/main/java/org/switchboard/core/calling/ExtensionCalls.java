package org.switchboard.core.calling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the calls module lets core move PBX calls when an extension changes hands. Absent when the calls module is
 * not deployed (then there are no calls to move).
 */
public interface ExtensionCalls {

    /**
     * Calls that moved from one operator to another, with the call-centre days they span.
     *
     * @param previousOperator whose they were; null when they were unassigned
     * @param operator         whose they are now; null when they belong to nobody now
     */
    record Moved(String previousOperator, String operator, long calls, LocalDate firstDay, LocalDate lastDay) {
    }

    /**
     * Places again, by the extension history as it stands in the calling transaction, every PBX record that started
     * at or after {@code from} and carries {@code extension} (placed on it, or with it as its channel's or destination
     * channel's endpoint), exactly as an import would place it now; announces the changed calls so reports follow.
     *
     * @return what moved, per previous and new operator; calls that stay where they were are not in it
     */
    List<Moved> replace(String extension, Instant from);
}
