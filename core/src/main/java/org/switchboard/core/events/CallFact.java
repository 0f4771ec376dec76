package org.switchboard.core.events;

import java.time.Instant;

/**
 * One call as reporting needs it, read from the stored call after a change: who talked, when, how long, with
 * which number, for which campaign. Reporting keeps its own copy keyed by {@code callId}, so the same fact
 * published twice changes nothing.
 *
 * @param operator  username of the operator, null while the PBX record belongs to nobody known
 * @param direction {@code IN} or {@code OUT}, null when unknown
 * @param answered  the telephony disposition was ANSWERED
 * @param outcome   the operator's wrap-up, if any (e.g. {@code INTERESTED})
 * @param source    {@code PBX}, {@code OPERATOR} (logged by an operator, no PBX record yet) or {@code JOINED} (both)
 * @param endedAt   when the call ended, as the PBX says; null when unknown (an operator-logged call)
 */
public record CallFact(long callId, String operator, String extension, String direction, String number, Long contactId,
        String campaign, Long clientId, Instant startedAt, boolean answered, int talkSeconds, boolean recorded,
        String outcome, String uniqueid, String source, Instant endedAt) {

    /** A PBX record (for tests and benchmarks that build facts by hand). */
    public CallFact(long callId, String operator, String extension, String direction, String number, Long contactId,
            String campaign, Long clientId, Instant startedAt, boolean answered, int talkSeconds, boolean recorded,
            String outcome, String uniqueid) {
        this(callId, operator, extension, direction, number, contactId, campaign, clientId, startedAt, answered,
                talkSeconds, recorded, outcome, uniqueid, "PBX", null);
    }

    /** Whether the call is a PBX record (imported, or an operator's log the PBX record joined). */
    public boolean fromPbx() {
        return "PBX".equals(source) || "JOINED".equals(source);
    }
}
