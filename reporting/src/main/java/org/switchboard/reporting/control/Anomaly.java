package org.switchboard.reporting.control;

import java.time.LocalDate;
import java.util.Map;

/**
 * Something in the figures a supervisor or the client must look at (DOMAIN.md, "Anomalies"). {@code operator}
 * and {@code extension} are null for the centre-wide lead spike; {@code evidence} holds the figures that raised it.
 */
public record Anomaly(Type type, String operator, String extension, LocalDate date, String detail,
        Map<String, Object> evidence) {

    public enum Type {
        LEAD_SPIKE, UNBACKED_LEADS, SHORT_CALLS, LONG_CALLS, REPEAT_DIALS, PLAN_MISS, SHARED_CALL, LATE_LEAD,
        LEADS_WITHOUT_CALLS, RECORDING_REPLACED, OUTCOME_WITHOUT_CALL
    }
}
