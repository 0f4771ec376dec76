package org.switchboard.calls.meetings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeetingTest {

    static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant TEN = NINE.plus(Duration.ofHours(1));
    static final Instant ELEVEN = NINE.plus(Duration.ofHours(2));
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static Meeting meeting(String manager, Instant start, Instant end) {
        return new Meeting(7L, manager, start, end, "Office", null, null, null, null, "op1", NOW);
    }

    @Test
    void backToBackMeetingsDoNotOverlap() {
        assertThat(Meeting.overlap(NINE, TEN, TEN, ELEVEN)).isFalse();
        assertThat(Meeting.overlap(TEN, ELEVEN, NINE, TEN)).isFalse();
    }

    @Test
    void anySharedMinuteIsAnOverlap() {
        Instant nineThirty = NINE.plus(Duration.ofMinutes(30));
        assertThat(Meeting.overlap(NINE, TEN, nineThirty, ELEVEN)).as("partly").isTrue();
        assertThat(Meeting.overlap(nineThirty, ELEVEN, NINE, TEN)).as("partly, the other way").isTrue();
        assertThat(Meeting.overlap(NINE, ELEVEN, nineThirty, TEN)).as("inside").isTrue();
        assertThat(Meeting.overlap(nineThirty, TEN, NINE, ELEVEN)).as("around").isTrue();
        assertThat(Meeting.overlap(NINE, TEN, NINE, TEN)).as("the same slot").isTrue();
        assertThat(Meeting.overlap(NINE, TEN.minusSeconds(1), TEN, ELEVEN)).as("apart").isFalse();
    }

    @Test
    void onlyScheduledMeetingsOfTheSameManagerBlockTime() {
        Meeting m = meeting("boss", NINE, TEN);
        assertThat(m.blocks("boss", NINE.plusSeconds(60), ELEVEN)).isTrue();
        assertThat(m.blocks("boss", TEN, ELEVEN)).isFalse();
        assertThat(m.blocks("other", NINE, TEN)).isFalse();
        m.cancel("client ill", NOW);
        assertThat(m.blocks("boss", NINE, TEN)).isFalse();
    }

    @Test
    void aMeetingEndsAfterItStartsAndLastsAtMostTwelveHours() {
        assertThatThrownBy(() -> meeting("boss", TEN, NINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> meeting("boss", NINE, NINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> meeting("boss", NINE, NINE.plus(Duration.ofHours(12)).plusSeconds(1)))
                .hasMessageContaining("12 hours");
        assertThat(meeting("boss", NINE, NINE.plus(Duration.ofHours(12))).getEnd())
                .isEqualTo(NINE.plus(Duration.ofHours(12)));
    }

    @Test
    void cancellingNeedsAReasonAndIsFinal() {
        Meeting m = meeting("boss", NINE, TEN);
        assertThat(m.getState()).isEqualTo(Meeting.State.SCHEDULED);
        assertThatThrownBy(() -> m.cancel(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
        m.cancel("  moved to January ", NOW.plusSeconds(5));
        assertThat(m.isCancelled()).isTrue();
        assertThat(m.getCancelReason()).isEqualTo("moved to January");
        assertThat(m.getUpdatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> m.reschedule("boss", TEN, ELEVEN, null, null, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> m.cancel("again", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reschedulingMovesTheMeeting() {
        Meeting m = meeting("boss", NINE, TEN);
        m.reschedule("deputy", TEN, ELEVEN, "Zoom", "bring the contract", NOW.plusSeconds(9));
        assertThat(m.getManager()).isEqualTo("deputy");
        assertThat(m.getStart()).isEqualTo(TEN);
        assertThat(m.getEnd()).isEqualTo(ELEVEN);
        assertThat(m.getPlace()).isEqualTo("Zoom");
        assertThat(m.getNote()).isEqualTo("bring the contract");
        assertThat(m.getCreatedAt()).isEqualTo(NOW);
        assertThat(m.getUpdatedAt()).isEqualTo(NOW.plusSeconds(9));
    }
}
