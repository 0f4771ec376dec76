package org.switchboard.calls.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.meetings.entity.Meeting;
import org.switchboard.core.errors.Problem;

class MeetingsRulesTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    static List<Problem.Violation> period(Instant start, Instant end, boolean newTime) {
        List<Problem.Violation> violations = new ArrayList<>();
        Meetings.checkPeriod(start, end, NOW, newTime, violations);
        return violations;
    }

    @Test
    void aPeriodNeedsBothEndsInOrderAndAtMostTwelveHours() {
        assertThat(period(START, START.plus(Duration.ofHours(1)), true)).isEmpty();
        assertThat(period(START, START.plus(Duration.ofHours(12)), true)).isEmpty();
        assertThat(period(null, null, true)).extracting(Problem.Violation::field).containsExactly("start", "end");
        assertThat(period(START, START, true)).containsExactly(new Problem.Violation("end", "must be after start"));
        assertThat(period(START, START.minusSeconds(1), true)).extracting(Problem.Violation::field)
                .containsExactly("end");
        assertThat(period(START, START.plus(Duration.ofHours(12)).plusSeconds(1), true))
                .containsExactly(new Problem.Violation("end", "must be at most 12 hours after start"));
    }

    @Test
    void onlyANewTimeMustNotBeInThePast() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        assertThat(period(yesterday, yesterday.plusSeconds(3600), true))
                .containsExactly(new Problem.Violation("start", "must not be in the past"));
        assertThat(period(yesterday, yesterday.plusSeconds(3600), false)).isEmpty();
    }

    @Test
    void operatorsSeeWhatTheyBookedAndClientsTheirOwnClientsMeetings() {
        Meeting m = new Meeting(7L, "boss", START, START.plusSeconds(3600), null, null, null, "ADS-NOV", 5L, "op1", NOW);
        assertThat(Meetings.maySee(m, Meetings.Viewer.EVERYTHING)).isTrue();
        assertThat(Meetings.maySee(m, new Meetings.Viewer(null, "op1"))).isTrue();
        assertThat(Meetings.maySee(m, new Meetings.Viewer(null, "op2"))).isFalse();
        assertThat(Meetings.maySee(m, new Meetings.Viewer(5L, null))).isTrue();
        assertThat(Meetings.maySee(m, new Meetings.Viewer(6L, null))).isFalse();
        Meeting withoutCampaign = new Meeting(7L, "boss", START, START.plusSeconds(3600), null, null, null, null, null,
                "op1", NOW);
        assertThat(Meetings.maySee(withoutCampaign, new Meetings.Viewer(5L, null))).isFalse();
    }
}
