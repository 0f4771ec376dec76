package org.switchboard.core.integrity;

/**
 * One manual change for the tamper trail, as a module reports it. The trail adds who made it and when (the server's
 * clock).
 *
 * @param subject   what was changed: {@code lead}, {@code call}, {@code recording}, {@code settings}, {@code campaign},
 *                  {@code plan}, {@code user}, {@code record}
 * @param subjectId its id (a lead id, a call id, a campaign code…)
 * @param campaign  the campaign code the change concerns, null when it concerns the whole centre
 * @param clientId  the client whose figures it touches, null when it touches every client's (a centre-wide threshold)
 * @param operator  the operator whose figures it touches, if any
 * @param field     the field changed, e.g. {@code callId}; null when the change is the whole record
 * @param before    the value before, as text; null when there was none
 * @param after     the value after, as text; null when there is none now
 * @param reason    why, when the person said so
 */
public record Tamper(TamperKind kind, String subject, String subjectId, String campaign, Long clientId, String operator,
        String field, String before, String after, String reason) {

    public static Tamper of(TamperKind kind, String subject, Object subjectId, String campaign, Long clientId,
            String operator, String field, Object before, Object after, String reason) {
        return new Tamper(kind, subject, subjectId == null ? null : String.valueOf(subjectId), campaign, clientId,
                operator, field, before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after),
                reason);
    }
}
