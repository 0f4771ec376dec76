package org.switchboard.reporting.control;

/**
 * The additive figures of an operator-day (or of any sum of them), as DOMAIN.md defines them: calls, answered
 * (ANSWERED with talk time above zero), counted (answered with talk time at least the minimum), short (answered
 * below it), long (talk time at least the long-call threshold), the talk time of answered calls, leads, and the
 * leads not tied to a counted call of their operator.
 */
public record Counts(long calls, long answered, long counted, long shortCalls, long longCalls, long talkSeconds,
        long leads, long unbackedLeads) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(calls + o.calls, answered + o.answered, counted + o.counted, shortCalls + o.shortCalls,
                longCalls + o.longCalls, talkSeconds + o.talkSeconds, leads + o.leads, unbackedLeads + o.unbackedLeads);
    }

    public Counts withLeads(long leads, long unbacked) {
        return new Counts(calls, answered, counted, shortCalls, longCalls, talkSeconds, this.leads + leads,
                this.unbackedLeads + unbacked);
    }

    /** Sum of talk time of answered calls / answered calls, one decimal; 0 without answered calls. */
    public double avgTalkSeconds() {
        return answered == 0 ? 0 : round((double) talkSeconds / answered, 1);
    }

    /** Leads / counted calls, four decimals; null without counted calls. */
    public Double conversion() {
        return counted == 0 ? null : round((double) leads / counted, 4);
    }

    /** Counted calls / planned calls in percent, one decimal; null without a plan. */
    public static Double planPercent(long counted, long planCalls) {
        return planCalls <= 0 ? null : round(100.0 * counted / planCalls, 1);
    }

    static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
