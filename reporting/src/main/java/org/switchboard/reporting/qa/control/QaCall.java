package org.switchboard.reporting.qa.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A call of reporting's read model as quality review sees it.
 *
 * @param minTalkSeconds the threshold in force for the call: its campaign's override, else the setting
 * @param hasLead        a lead names the call, by id or by Asterisk uniqueid
 * @param reviewed       someone has reviewed it
 */
public record QaCall(long id, String operator, String extension, Instant startedAt, LocalDate day, boolean answered,
        int talkSeconds, int minTalkSeconds, boolean recorded, String campaign, Long clientId, String outcome,
        boolean hasLead, boolean reviewed) {

    /**
     * Wrap-up outcomes that mean the conversation went somewhere: interest, a meeting, information sent. A callback
     * is not among them: "call me later" is a postponement, not a result. The after-sales results (REACHED,
     * ACCEPTED) join once that module reports them.
     */
    public static final Set<String> SUCCESS_OUTCOMES = Set.of("INTERESTED", "MEETING", "SEND_INFO");

    /** DOMAIN.md's counted call: answered, with talk time at least the threshold. */
    public boolean counted() {
        return answered && talkSeconds > 0 && talkSeconds >= minTalkSeconds;
    }

    /** A successful call produced a lead or ended with a positive outcome; any other counted call failed. */
    public boolean successful() {
        return hasLead || (outcome != null && SUCCESS_OUTCOMES.contains(outcome.trim().toUpperCase(Locale.ROOT)));
    }

    /** Worth listening to: it has a recording and is a counted call of a known operator. */
    public boolean sampleable() {
        return recorded && operator != null && counted();
    }
}
