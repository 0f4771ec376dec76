package org.switchboard.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.mail.entity.MailMessage;
import org.switchboard.core.mail.entity.MailMessage.State;

/** The delivery rules of one outbox message: when it is due, what a claim takes, how failures back off. */
class MailMessageTest {

    private final Instant queuedAt = Instant.parse("2026-11-28T10:00:00Z");

    private MailMessage queued() {
        return new MailMessage("ivan@example.com", "Daily digest", "Figures", null, "digest", queuedAt);
    }

    @Test
    void aNewMessageIsQueuedAndDueAtOnce() {
        MailMessage mail = queued();
        assertThat(mail.getState()).isEqualTo(State.QUEUED);
        assertThat(mail.getAttempts()).isZero();
        assertThat(mail.isDue(queuedAt)).isTrue();
        assertThat(mail.isDue(queuedAt.minusMillis(1))).isFalse();
    }

    @Test
    void aClaimCountsTheAttemptAndHoldsTheMessageForTheLease() {
        MailMessage mail = queued();
        Instant now = queuedAt.plusSeconds(5);
        mail.claim(now);
        assertThat(mail.getState()).isEqualTo(State.SENDING);
        assertThat(mail.getAttempts()).isEqualTo(1);
        assertThat(mail.getNextAttemptAt()).isEqualTo(now.plus(MailMessage.LEASE));
        // a second sender finds it taken ...
        assertThat(mail.isDue(now.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> mail.claim(now.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
        // ... until the lease runs out: the first sender is taken to have died
        Instant abandoned = now.plus(MailMessage.LEASE);
        assertThat(mail.isDue(abandoned)).isTrue();
        mail.claim(abandoned);
        assertThat(mail.getAttempts()).isEqualTo(2);
    }

    @Test
    void aMessageIsNotDueBeforeItsTime() {
        MailMessage mail = queued();
        mail.claim(queuedAt);
        mail.failed("421 try later", queuedAt);
        assertThatThrownBy(() -> mail.claim(queuedAt.plusSeconds(59))).isInstanceOf(IllegalStateException.class);
        assertThat(mail.getState()).isEqualTo(State.QUEUED);
    }

    @Test
    void deliveryEndsTheMessagesLife() {
        MailMessage mail = queued();
        mail.claim(queuedAt);
        mail.failed("connection refused", queuedAt);
        Instant retryAt = mail.getNextAttemptAt();
        mail.claim(retryAt);
        mail.delivered(retryAt.plusSeconds(2));
        assertThat(mail.getState()).isEqualTo(State.SENT);
        assertThat(mail.getSentAt()).isEqualTo(retryAt.plusSeconds(2));
        assertThat(mail.getAttempts()).isEqualTo(2);
        assertThat(mail.getLastError()).isNull();
        assertThat(mail.getNextAttemptAt()).isNull();
        assertThat(mail.isDue(retryAt.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> mail.delivered(retryAt)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> mail.failed("late", retryAt)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresBackOffOneFiveThirtyMinutesTwoAndSixHoursThenTheMessageFails() {
        MailMessage mail = queued();
        Instant now = queuedAt;
        List<Duration> waits = new ArrayList<>();
        while (mail.getState() == State.QUEUED) {
            mail.claim(now);
            mail.failed("454 TLS not available", now);
            if (mail.getNextAttemptAt() != null) {
                waits.add(Duration.between(now, mail.getNextAttemptAt()));
                now = mail.getNextAttemptAt();
            }
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(6));
        assertThat(mail.getState()).isEqualTo(State.FAILED);
        assertThat(mail.getAttempts()).isEqualTo(MailMessage.MAX_ATTEMPTS).isEqualTo(6);
        assertThat(mail.getLastError()).isEqualTo("454 TLS not available");
        assertThat(mail.isDue(now.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void onlyAFailedMessageCanBeRetriedAndItStartsAfresh() {
        MailMessage mail = queued();
        assertThatThrownBy(() -> mail.retry(queuedAt)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUEUED");
        Instant now = queuedAt;
        for (int i = 0; i < MailMessage.MAX_ATTEMPTS; i++) {
            mail.claim(now);
            mail.failed("550 mailbox unavailable", now);
            now = mail.getNextAttemptAt() == null ? now : mail.getNextAttemptAt();
        }
        assertThat(mail.getState()).isEqualTo(State.FAILED);
        Instant later = now.plus(Duration.ofDays(1));
        mail.retry(later);
        assertThat(mail.getState()).isEqualTo(State.QUEUED);
        assertThat(mail.getAttempts()).isZero();
        assertThat(mail.isDue(later)).isTrue();
        assertThat(mail.getLastError()).as("the last failure stays visible until the next attempt")
                .isEqualTo("550 mailbox unavailable");
    }

    @Test
    void aLongErrorIsCutToTheColumnAndAMissingOneIsNamed() {
        MailMessage mail = queued();
        mail.claim(queuedAt);
        mail.failed("x".repeat(5000), queuedAt);
        assertThat(mail.getLastError()).hasSize(2000);
        mail.claim(mail.getNextAttemptAt());
        mail.failed(null, queuedAt);
        assertThat(mail.getLastError()).isEqualTo("unknown error");
    }
}
