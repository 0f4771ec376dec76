package org.switchboard.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.reporting.control.Backing;
import org.switchboard.reporting.control.BackingProbe;

/** DOMAIN.md's "backed lead", rule by rule, at the edges of the window. */
class BackingTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    // 10:00 Moscow, 65 seconds of talk
    static final Backing.Call CALL = new Backing.Call(7, "ivanov", "+79110000001", DAY,
            Instant.parse("2026-11-02T07:00:00Z"), Instant.parse("2026-11-02T07:01:10Z"), 65, true, "PBX", 20);

    static Backing.Lead lead(long id, String at) {
        return new Backing.Lead(id, "ivanov", Instant.parse(at), LocalDate.ofInstant(Instant.parse(at), MOSCOW), true,
                "|+79110000001|");
    }

    static Backing.Reason reason(Backing.Lead lead, Backing.Call call) {
        return BackingProbe.judge(lead, call, MOSCOW, 12).reason();
    }

    @Test
    void aCountedPbxCallOfTheOperatorWithTheContactsNumberBacksALeadEnteredAfterIt() {
        Backing.Verdict v = BackingProbe.judge(lead(1, "2026-11-02T07:05:00Z"), CALL, MOSCOW, 12);
        assertThat(v.backed()).isTrue();
        assertThat(v.day()).isEqualTo(DAY);
        assertThat(v.late()).isFalse();
    }

    @Test
    void eachRuleRefusesOnItsOwn() {
        Backing.Lead ok = lead(1, "2026-11-02T07:05:00Z");
        assertThat(reason(new Backing.Lead(1, "ivanov", ok.createdAt(), ok.createdDay(), false, ok.numbers()), null))
                .isEqualTo(Backing.Reason.NO_CALL);
        assertThat(reason(ok, null)).isEqualTo(Backing.Reason.CALL_NOT_FOUND);
        assertThat(reason(ok, withSource("OPERATOR"))).isEqualTo(Backing.Reason.CALL_NOT_FROM_PBX);
        assertThat(reason(ok, withSource("JOINED"))).isNull();
        assertThat(reason(ok, new Backing.Call(7, "ivanov", CALL.number(), DAY, CALL.startedAt(), CALL.endedAt(), 19,
                true, "PBX", 20))).isEqualTo(Backing.Reason.CALL_NOT_COUNTED);
        assertThat(reason(ok, new Backing.Call(7, "petrov", CALL.number(), DAY, CALL.startedAt(), CALL.endedAt(), 65,
                true, "PBX", 20))).isEqualTo(Backing.Reason.OTHER_OPERATOR);
        assertThat(reason(ok, new Backing.Call(7, null, CALL.number(), DAY, CALL.startedAt(), CALL.endedAt(), 65,
                true, "PBX", 20))).isEqualTo(Backing.Reason.OTHER_OPERATOR);
        assertThat(reason(new Backing.Lead(1, "ivanov", ok.createdAt(), ok.createdDay(), true, "|+79110000002|"), CALL))
                .isEqualTo(Backing.Reason.OTHER_NUMBER);
    }

    @Test
    void theWindowIsTheCallsDayOrTwelveHoursAfterItEndedWhicheverIsLater() {
        // ten minutes of clock difference before the start are tolerated, not more
        assertThat(reason(lead(1, "2026-11-02T06:50:00Z"), CALL)).isNull();
        assertThat(reason(lead(1, "2026-11-02T06:49:59Z"), CALL)).isEqualTo(Backing.Reason.OUTSIDE_WINDOW);
        // the call ended 07:01:10Z: 12 h later is 19:01:10Z, before the day's end (21:00Z = midnight Moscow)
        assertThat(reason(lead(1, "2026-11-02T20:59:59Z"), CALL)).isNull();
        Backing.Verdict late = BackingProbe.judge(lead(1, "2026-11-02T21:00:01Z"), CALL, MOSCOW, 12);
        assertThat(late.reason()).isEqualTo(Backing.Reason.OUTSIDE_WINDOW);
        assertThat(late.late()).isTrue();
        assertThat(late.day()).isEqualTo(DAY.plusDays(1));
        // a call late in the evening: 12 hours after it ended reach into the next day, and the lead counts on the call's
        Backing.Call evening = new Backing.Call(8, "ivanov", CALL.number(), DAY, Instant.parse("2026-11-02T20:30:00Z"),
                Instant.parse("2026-11-02T20:31:00Z"), 60, true, "PBX", 20);
        Backing.Verdict nextMorning = BackingProbe.judge(lead(1, "2026-11-03T08:31:00Z"), evening, MOSCOW, 12);
        assertThat(nextMorning.backed()).isTrue();
        assertThat(nextMorning.day()).isEqualTo(DAY);
        assertThat(reason(lead(1, "2026-11-03T08:31:01Z"), evening)).isEqualTo(Backing.Reason.OUTSIDE_WINDOW);
    }

    @Test
    void oneCallBacksOnlyTheFirstLeadEnteredThatItWouldBack() {
        Backing.Lead first = lead(5, "2026-11-02T07:05:00Z");
        Backing.Lead second = lead(3, "2026-11-02T07:06:00Z");
        Backing.Lead otherOperators = new Backing.Lead(2, "petrov", Instant.parse("2026-11-02T07:02:00Z"), DAY, true,
                "|+79110000001|");
        Map<Long, Backing.Verdict> v = BackingProbe.judgeAll(List.of(second, otherOperators, first),
                Map.of(5L, CALL, 3L, CALL, 2L, CALL), MOSCOW, 12);
        assertThat(v.get(5L).backed()).isTrue();
        assertThat(v.get(3L).reason()).isEqualTo(Backing.Reason.SHARED_CALL);
        // another operator citing the call first takes nothing from its own operator's lead
        assertThat(v.get(2L).reason()).isEqualTo(Backing.Reason.OTHER_OPERATOR);
    }

    private static Backing.Call withSource(String source) {
        return new Backing.Call(7, "ivanov", CALL.number(), DAY, CALL.startedAt(), CALL.endedAt(), 65, true, source, 20);
    }
}
