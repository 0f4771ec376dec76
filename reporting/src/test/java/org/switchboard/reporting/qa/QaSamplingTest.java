package org.switchboard.reporting.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.reporting.qa.control.QaCall;
import org.switchboard.reporting.qa.control.Sampling;

/** The day's sample: a success and a failure per operator, counted calls with recordings only, reproducible per day. */
class QaSamplingTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    static final Instant NINE = Instant.parse("2026-11-27T06:00:00Z");

    static QaCall call(long id, String operator, boolean successful) {
        return new QaCall(id, operator, "10" + operator.length(), NINE.plusSeconds(id * 60), DAY, true, 60, 20, true,
                "ADS", 1L, successful ? "INTERESTED" : "NOT_INTERESTED", false, false);
    }

    /** {@code successes} successful and {@code failures} failed calls of one operator, ids from {@code firstId}. */
    static List<QaCall> calls(String operator, long firstId, int successes, int failures) {
        List<QaCall> calls = new ArrayList<>();
        for (int i = 0; i < successes + failures; i++) {
            calls.add(call(firstId + i, operator, i < successes));
        }
        return calls;
    }

    @Test
    void eachOperatorGetsASuccessAndAFailureWhereTheyExist() {
        List<QaCall> calls = new ArrayList<>();
        calls.addAll(calls("anna", 1, 1, 30));   // one success among many failures
        calls.addAll(calls("boris", 100, 30, 1)); // one failure among many successes
        calls.addAll(calls("clara", 200, 5, 0));  // no failures at all
        List<QaCall> sample = Sampling.pick(calls, DAY, 2);

        assertThat(sample).extracting(QaCall::operator).containsExactly("anna", "anna", "boris", "boris", "clara", "clara");
        assertThat(of(sample, "anna")).extracting(QaCall::successful).containsExactlyInAnyOrder(true, false);
        assertThat(of(sample, "anna")).extracting(QaCall::id).contains(1L);
        assertThat(of(sample, "boris")).extracting(QaCall::successful).containsExactlyInAnyOrder(true, false);
        assertThat(of(sample, "boris")).extracting(QaCall::id).contains(130L);
        assertThat(of(sample, "clara")).extracting(QaCall::successful).containsOnly(true);
        // within an operator, in the order the calls were made
        assertThat(of(sample, "anna").get(0).startedAt()).isBefore(of(sample, "anna").get(1).startedAt());
    }

    @Test
    void theSameDayGivesTheSameSampleWhateverTheOrderOfTheCalls() {
        List<QaCall> calls = new ArrayList<>();
        calls.addAll(calls("anna", 1, 20, 20));
        calls.addAll(calls("boris", 100, 20, 20));
        List<QaCall> first = Sampling.pick(calls, DAY, 3);
        List<QaCall> shuffled = new ArrayList<>(calls);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(Sampling.pick(shuffled, DAY, 3)).isEqualTo(first);
        assertThat(Sampling.pick(calls, LocalDate.of(2026, 11, 27), 3)).isEqualTo(first);
    }

    @Test
    void anotherDayGivesAnotherSampleFromTheSameCalls() {
        List<QaCall> calls = calls("anna", 1, 20, 20);
        List<QaCall> today = Sampling.pick(calls, DAY, 3);
        List<QaCall> tomorrow = Sampling.pick(calls, DAY.plusDays(1), 3);
        assertThat(tomorrow).isNotEqualTo(today);
        Set<List<Long>> overAWeek = new HashSet<>();
        for (int d = 0; d < 7; d++) {
            overAWeek.add(Sampling.pick(calls, DAY.plusDays(d), 3).stream().map(QaCall::id).toList());
        }
        assertThat(overAWeek).hasSizeGreaterThan(5);
    }

    @Test
    void theSampleSizeSettingFillsUpFromTheRestAfterTheSuccessAndTheFailure() {
        List<QaCall> calls = new ArrayList<>();
        calls.addAll(calls("anna", 1, 1, 10));
        calls.addAll(calls("boris", 100, 2, 0));
        List<QaCall> four = Sampling.pick(calls, DAY, 4);
        assertThat(of(four, "anna")).hasSize(4).extracting(QaCall::successful).containsOnlyOnce(true);
        assertThat(of(four, "boris")).hasSize(2);

        List<QaCall> one = Sampling.pick(calls, DAY, 1);
        assertThat(one).extracting(QaCall::operator).containsExactly("anna", "boris");

        // a bigger sample contains the smaller one's success and failure
        List<QaCall> two = Sampling.pick(calls, DAY, 2);
        assertThat(four).containsAll(two);
        assertThat(Sampling.pick(calls, DAY, 20)).hasSize(13);
        assertThatThrownBy(() -> Sampling.pick(calls, DAY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyCountedCallsWithARecordingOfAKnownOperatorAreSampled() {
        QaCall good = call(1, "anna", true);
        QaCall unrecorded = new QaCall(2, "anna", "101", NINE, DAY, true, 60, 20, false, "ADS", 1L, null, false, false);
        QaCall shortCall = new QaCall(3, "anna", "101", NINE, DAY, true, 19, 20, true, "ADS", 1L, null, false, false);
        QaCall belowCampaignThreshold = new QaCall(4, "anna", "101", NINE, DAY, true, 25, 30, true, "ADS", 1L, null,
                false, false);
        QaCall unanswered = new QaCall(5, "anna", "101", NINE, DAY, false, 60, 20, true, "ADS", 1L, null, false, false);
        QaCall nobodys = new QaCall(6, null, null, NINE, DAY, true, 60, 20, true, "ADS", 1L, null, false, false);
        QaCall atThreshold = new QaCall(7, "anna", "101", NINE, DAY, true, 20, 20, true, "ADS", 1L, null, false, false);
        List<QaCall> sample = Sampling.pick(List.of(good, unrecorded, shortCall, belowCampaignThreshold, unanswered,
                nobodys, atThreshold), DAY, 20);
        assertThat(sample).extracting(QaCall::id).containsExactlyInAnyOrder(1L, 7L);
    }

    @Test
    void aCallIsSuccessfulWithALeadOrAPositiveOutcomeButNotWithACallback() {
        QaCall withLead = new QaCall(1, "anna", "101", NINE, DAY, true, 60, 20, true, "ADS", 1L, null, true, false);
        assertThat(withLead.successful()).isTrue();
        for (String outcome : List.of("INTERESTED", "MEETING", "SEND_INFO", "send_info")) {
            assertThat(new QaCall(1, "anna", "101", NINE, DAY, true, 60, 20, true, "ADS", 1L, outcome, false, false)
                    .successful()).as(outcome).isTrue();
        }
        for (String outcome : List.of("CALLBACK", "NOT_INTERESTED", "WRONG_NUMBER")) {
            assertThat(new QaCall(1, "anna", "101", NINE, DAY, true, 60, 20, true, "ADS", 1L, outcome, false, false)
                    .successful()).as(outcome).isFalse();
        }
        assertThat(new QaCall(1, "anna", "101", NINE, DAY, true, 60, 20, true, "ADS", 1L, null, false, false)
                .successful()).isFalse();
    }

    private static List<QaCall> of(List<QaCall> sample, String operator) {
        return sample.stream().filter(c -> operator.equals(c.operator())).toList();
    }
}
