package org.switchboard.calls.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.outbound.control.Callbacks;
import org.switchboard.calls.outbound.entity.Callback;
import org.switchboard.calls.outbound.entity.ListEntry;
import org.switchboard.calls.outbound.entity.OutboundRules;
import org.switchboard.core.errors.ProblemException;

class OutboundEntitiesTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    @Test
    void anAttemptEndsTheLockCountsAndPlansTheNextTry() {
        ListEntry entry = new ListEntry(1, 2, "+74232401234", VLADIVOSTOK, "test", NOW);
        entry.record("NO_ANSWER", 10L, NOW, false, NOW.plus(Duration.ofHours(2)), "op1");
        assertThat(entry.getAttempts()).isEqualTo(1);
        assertThat(entry.getNextTryAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(entry.isDone()).isFalse();
        entry.record("COMPLETED", 11L, NOW, true, null, "op1");
        assertThat(entry.isDone()).isTrue();
        assertThat(entry.getNextTryAt()).isNull();
        assertThat(entry.getLastCallId()).isEqualTo(11L);
    }

    @Test
    void aCallbackEscalatesAfterItsGraceAndIsCancelledOnlyWithAReason() throws Exception {
        ListEntry entry = new ListEntry(1, 2, "+74232401234", VLADIVOSTOK, "test", NOW);
        java.lang.reflect.Field id = ListEntry.class.getDeclaredField("id"); // as if stored
        id.setAccessible(true);
        id.set(entry, 7L);
        Callback callback = new Callback(entry, NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(15), "ivanov", null,
                "ivanov", NOW);
        assertThat(callback.isOverdue(NOW.plus(Duration.ofMinutes(75)))).isFalse();
        assertThat(callback.isOverdue(NOW.plus(Duration.ofMinutes(75)).plusSeconds(1))).isTrue();
        assertThatThrownBy(() -> callback.cancel(" ", "ivanov", NOW)).isInstanceOf(IllegalArgumentException.class);
        callback.cancel("the client called first", "ivanov", NOW);
        assertThat(callback.getState()).isEqualTo(Callback.State.CANCELLED);
        assertThat(callback.isOverdue(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> callback.done("ivanov", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallbackTimeIsTheContactsLocalTimeUnlessItCarriesAnOffset() {
        assertThat(Callbacks.dueAt("2026-12-01T10:00", VLADIVOSTOK, "callbackAt"))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Callbacks.dueAt("2026-12-01T10:00:00+03:00", VLADIVOSTOK, "callbackAt"))
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThatThrownBy(() -> Callbacks.dueAt("tomorrow", VLADIVOSTOK, "callbackAt"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aCampaignMayNarrowTheCallingWindowButNotWidenIt() {
        OutboundRules rules = new OutboundRules(1);
        rules.change(null, 3, 60, 10, LocalTime.of(10, 0), LocalTime.of(18, 0), true, 5, 15);
        assertThat(rules.getWindowStart()).isEqualTo(LocalTime.of(10, 0));
        assertThatThrownBy(() -> rules.change(null, 3, 60, 10, LocalTime.of(8, 0), LocalTime.of(18, 0), true, 5, 15))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.change(null, 3, 60, 10, LocalTime.of(10, 0), LocalTime.of(21, 30), true, 5, 15))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
