package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.security.entity.BrowserSession;

class BrowserSessionTest {

    private final Instant start = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aSessionEndsWhenIdleLongerThanAllowedAndUseKeepsItAlive() {
        BrowserSession session = new BrowserSession("hash", 1L, "csrf", start);
        Duration idle = Duration.ofMinutes(30);
        assertThat(session.endedAt(start.plus(Duration.ofMinutes(29)), idle)).isFalse();
        assertThat(session.endedAt(start.plus(Duration.ofMinutes(30)), idle)).isTrue();

        session.seen(start.plus(Duration.ofMinutes(20)), Duration.ofSeconds(30));
        assertThat(session.endedAt(start.plus(Duration.ofMinutes(45)), idle)).isFalse();
        session.seen(start.plus(Duration.ofMinutes(20).plusSeconds(10)), Duration.ofSeconds(30));
        assertThat(session.getLastSeenAt()).as("not rewritten within the granularity")
                .isEqualTo(start.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aSessionEndsAfterItsMaximumAgeHoweverActive() {
        BrowserSession session = new BrowserSession("hash", 1L, "csrf", start);
        Instant late = start.plus(BrowserSession.MAX_AGE).minusSeconds(1);
        session.seen(late, Duration.ZERO);
        assertThat(session.endedAt(late, Duration.ofMinutes(30))).isFalse();
        assertThat(session.endedAt(start.plus(BrowserSession.MAX_AGE), Duration.ofMinutes(30))).isTrue();
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsKeptAndCsrfIsComparedExactly() {
        String token = Sessions.randomToken();
        assertThat(token).hasSize(43).isNotEqualTo(Sessions.randomToken());
        assertThat(Sessions.hash(token)).hasSize(64).doesNotContain(token).isEqualTo(Sessions.hash(token));
        assertThat(Sessions.csrfMatches("abc", "abc")).isTrue();
        assertThat(Sessions.csrfMatches("abd", "abc")).isFalse();
        assertThat(Sessions.csrfMatches(null, "abc")).isFalse();
        assertThat(Sessions.csrfMatches("", "abc")).isFalse();
    }
}
