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
 */
public record CallFact(long callId, String operator, String extension, String direction, String number, Long contactId,
        String campaign, Long clientId, Instant startedAt, boolean answered, int talkSeconds, boolean recorded,
        String outcome, String uniqueid) {
}
