package org.switchboard.reporting.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a lead is backed (DOMAIN.md, "backed lead"), as plain logic: its call is a PBX record, counted, of the lead's
 * operator, with one of the numbers the lead's contact had when the lead was entered, and the lead's time lies in the
 * backing window — from shortly before the call started until the end of the call's call-centre day or the backing
 * window's hours after it ended, whichever is later. One call backs at most one lead: of the leads it would back, the
 * first entered.
 */
public final class Backing {

    /** Why a lead is not backed; checked in this order, the first that fails is given. */
    public enum Reason {
        NO_CALL, CALL_NOT_FOUND, CALL_NOT_FROM_PBX, CALL_NOT_COUNTED, OTHER_OPERATOR, OTHER_NUMBER, OUTSIDE_WINDOW,
        SHARED_CALL
    }

    /** A lead as backing needs it; {@code numbers} is {@code |+7…|+7…|}. */
    public record Lead(long id, String operator, Instant createdAt, LocalDate createdDay, boolean citesCall,
            String numbers) {
    }

    /** A call as backing needs it. */
    public record Call(long id, String operator, String number, LocalDate day, Instant startedAt, Instant endedAt,
            int talkSeconds, boolean answered, String source, int minTalk) {

        boolean fromPbx() {
            return "PBX".equals(source) || "JOINED".equals(source);
        }

        boolean counted() {
            return answered && talkSeconds > 0 && talkSeconds >= minTalk;
        }
    }

    /** The verdict: backed or why not, whether the lead came late after its call, and the day it counts on. */
    public record Verdict(Reason reason, boolean late, LocalDate day) {

        public boolean backed() {
            return reason == null;
        }
    }

    private Backing() {
    }

    /** The end of the backing window of a call: the end of its day or {@code hours} after it ended, the later. */
    static Instant windowEnd(Call call, ZoneId zone, int hours) {
        Instant endOfDay = call.day().plusDays(1).atStartOfDay(zone).toInstant();
        Instant ended = call.endedAt() != null ? call.endedAt() : call.startedAt().plusSeconds(call.talkSeconds());
        Instant afterEnd = ended.plus(Duration.ofHours(hours));
        return afterEnd.isAfter(endOfDay) ? afterEnd : endOfDay;
    }

    /** Judges one lead against its call alone (null when it cites none or its call is not there). */
    static Verdict judge(Lead lead, Call call, ZoneId zone, int hours) {
        if (call == null) {
            return new Verdict(lead.citesCall() ? Reason.CALL_NOT_FOUND : Reason.NO_CALL, false, lead.createdDay());
        }
        boolean late = lead.createdAt().isAfter(windowEnd(call, zone, hours));
        Reason reason = null;
        if (!call.fromPbx()) {
            reason = Reason.CALL_NOT_FROM_PBX;
        } else if (!call.counted()) {
            reason = Reason.CALL_NOT_COUNTED;
        } else if (!lead.operator().equals(call.operator())) {
            reason = Reason.OTHER_OPERATOR;
        } else if (call.number() == null || lead.numbers() == null || !lead.numbers().contains("|" + call.number() + "|")) {
            reason = Reason.OTHER_NUMBER;
        } else if (late || lead.createdAt().isBefore(call.startedAt().minus(RollupStore.START_SLACK))) {
            reason = Reason.OUTSIDE_WINDOW;
        }
        return new Verdict(reason, late, reason == null ? call.day() : lead.createdDay());
    }

    /**
     * Judges leads together: each against its call, then each call backs only the first entered (time, then id) of the
     * leads it would back; the others are {@link Reason#SHARED_CALL}.
     *
     * @param calls the call each lead cites (by lead id), absent when none is known
     */
    static Map<Long, Verdict> judgeAll(List<Lead> leads, Map<Long, Call> calls, ZoneId zone,
            java.util.function.ToIntFunction<LocalDate> hoursOn) {
        Map<Long, Verdict> verdicts = new HashMap<>();
        Map<Long, List<Lead>> byCall = new HashMap<>();
        for (Lead lead : leads) {
            Call call = calls.get(lead.id());
            Verdict v = judge(lead, call, zone, call == null ? 12 : hoursOn.applyAsInt(call.day()));
            verdicts.put(lead.id(), v);
            if (v.backed()) {
                byCall.computeIfAbsent(call.id(), k -> new ArrayList<>()).add(lead);
            }
        }
        for (List<Lead> sharing : byCall.values()) {
            sharing.sort(Comparator.comparing(Lead::createdAt).thenComparingLong(Lead::id));
            for (Lead later : sharing.subList(1, sharing.size())) {
                Verdict v = verdicts.get(later.id());
                verdicts.put(later.id(), new Verdict(Reason.SHARED_CALL, v.late(), later.createdDay()));
            }
        }
        return verdicts;
    }
}
