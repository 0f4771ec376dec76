package org.switchboard.core.events;

import java.util.List;

/**
 * Calls were stored, imported, joined with a PBX record or changed (a recording, a merged or erased contact, an
 * outcome). Fired inside the storing transaction with every changed call as it is stored now; a duplicate record
 * that changed nothing is not in it.
 */
public record CallsRecorded(List<CallFact> calls) {

    public CallsRecorded {
        calls = List.copyOf(calls);
    }
}
