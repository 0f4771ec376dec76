package org.switchboard.core.settings.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.settings.control.ThresholdTimeline.Period;
import org.switchboard.core.settings.control.ThresholdTimeline.Scope;
import org.switchboard.core.settings.control.ThresholdTimeline.Version;

class ThresholdTimelineTest {

    private static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Version centre(long id, LocalDate from, int min, int longCall, int backing) {
        return new Version(id, null, from, min, longCall, 5, new BigDecimal("3.00"), 7, 20, 40, 3, 5, 80, backing,
                "admin", AT);
    }

    private static Version campaign(long id, String code, LocalDate from, Integer min, Integer longCall) {
        return new Version(id, code, from, min, longCall, null, null, null, null, null, null, null, null, null,
                "supervisor", AT);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void eachDayUsesTheCentreVersionInForceThen() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                centre(100_000, day("2026-12-01"), 30, 900, 24)));

        assertThat(t.centre(day("2026-11-30")).minTalkSeconds()).isEqualTo(20);
        assertThat(t.centre(day("2026-11-30")).backingWindowHours()).isEqualTo(12);
        assertThat(t.centre(day("2026-11-30")).validFrom()).isEqualTo(BEGINNING);
        assertThat(t.centre(day("2026-12-01")).minTalkSeconds()).isEqualTo(30);
        assertThat(t.centre(day("2026-12-01")).longCallSeconds()).isEqualTo(900);
        assertThat(t.centre(day("2026-12-01")).backingWindowHours()).isEqualTo(24);
        assertThat(t.centre(day("2027-06-01")).validFrom()).isEqualTo(day("2026-12-01"));
    }

    @Test
    void daysBeforeTheFirstVersionUseTheOldestOne() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(7, day("2026-01-01"), 25, 1000, 12),
                centre(8, day("2026-06-01"), 30, 1000, 12)));

        assertThat(t.centre(day("2025-12-31")).minTalkSeconds()).isEqualTo(25);
        assertThat(t.of("ADS", day("1999-01-01")).minTalkSeconds()).isEqualTo(25);
    }

    @Test
    void aCampaignWithoutOverridesOrBeforeItsFirstVersionFallsBackToTheCentre() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                campaign(2, "ADS", day("2026-12-01"), 45, null)));

        assertThat(t.of("OTHER", day("2026-12-05")).minTalkSeconds()).isEqualTo(20);
        assertThat(t.of(null, day("2026-12-05")).minTalkSeconds()).isEqualTo(20);
        assertThat(t.of("ADS", day("2026-11-30")).minTalkSeconds()).isEqualTo(20);
        // an override of one field only: the other is the centre's
        assertThat(t.of("ADS", day("2026-12-01")).minTalkSeconds()).isEqualTo(45);
        assertThat(t.of("ADS", day("2026-12-01")).longCallSeconds()).isEqualTo(1200);
        assertThat(t.of("ADS", day("2026-12-01")).validFrom()).isEqualTo(day("2026-12-01"));
        assertThat(t.campaignVersion("ADS", day("2026-11-30"))).isEmpty();
    }

    @Test
    void aClearedOverrideGivesTheCampaignTheCentresValuesAgain() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                campaign(2, "ADS", BEGINNING, 45, 600), campaign(3, "ADS", day("2026-12-10"), null, null)));

        assertThat(t.of("ADS", day("2026-12-09")).minTalkSeconds()).isEqualTo(45);
        assertThat(t.of("ADS", day("2026-12-10")).minTalkSeconds()).isEqualTo(20);
        assertThat(t.of("ADS", day("2026-12-10")).longCallSeconds()).isEqualTo(1200);
    }

    @Test
    void aLaterCentreChangeDoesNotChangeACampaignsOverrideButDoesItsOtherThresholds() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                campaign(2, "ADS", BEGINNING, 45, 600), centre(100_000, day("2026-12-01"), 30, 900, 24)));

        ThresholdTimeline.InForce ads = t.of("ADS", day("2026-12-02"));
        assertThat(ads.minTalkSeconds()).isEqualTo(45);
        assertThat(ads.longCallSeconds()).isEqualTo(600);
        assertThat(ads.backingWindowHours()).isEqualTo(24);
        assertThat(ads.validFrom()).isEqualTo(day("2026-12-01"));
        assertThat(t.of("PLAIN", day("2026-12-02")).minTalkSeconds()).isEqualTo(30);
    }

    @Test
    void aCentreChangeThatNoLongerFitsAPartialOverrideKeepsTheLongCallAboveTheCountedOne() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                campaign(2, "ADS", BEGINNING, 600, null), centre(3, day("2026-12-01"), 20, 300, 12)));

        ThresholdTimeline.InForce ads = t.of("ADS", day("2026-12-01"));
        assertThat(ads.minTalkSeconds()).isEqualTo(600);
        assertThat(ads.longCallSeconds()).isGreaterThan(600);
    }

    @Test
    void ofVersionsOnTheSameDayTheLatestIdWins() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                centre(100_050, day("2026-12-03"), 25, 1200, 12), centre(100_001, day("2026-12-03"), 40, 1200, 12),
                campaign(100_002, "ADS", day("2026-12-03"), 60, 700), campaign(100_003, "ADS", day("2026-12-03"), 50, 700)));

        assertThat(t.centre(day("2026-12-03")).minTalkSeconds()).isEqualTo(25);
        assertThat(t.centreVersion(day("2026-12-03")).id()).isEqualTo(100_050);
        assertThat(t.of("ADS", day("2026-12-03")).minTalkSeconds()).isEqualTo(50);
        // the superseded version makes no period of its own
        assertThat(t.periods(null, null, null)).extracting(Period::validFrom)
                .containsExactly(BEGINNING, day("2026-12-03"));
    }

    @Test
    void periodsSayWhichValuesWereInForceFromWhenToWhen() {
        ThresholdTimeline t = new ThresholdTimeline(List.of(centre(1, BEGINNING, 20, 1200, 12),
                centre(100_000, day("2026-12-10"), 30, 900, 24), campaign(100_001, "ADS", day("2026-12-05"), 45, 600)));

        List<Period> centre = t.periods(null, day("2026-12-01"), day("2026-12-31"));
        assertThat(centre).hasSize(2);
        assertThat(centre.get(0).scope()).isEqualTo(Scope.CENTRE);
        assertThat(centre.get(0).validFrom()).isEqualTo(BEGINNING);
        assertThat(centre.get(0).validTo()).isEqualTo(day("2026-12-09"));
        assertThat(centre.get(0).values().minTalkSeconds()).isEqualTo(20);
        assertThat(centre.get(1).validFrom()).isEqualTo(day("2026-12-10"));
        assertThat(centre.get(1).validTo()).isNull();
        assertThat(centre.get(1).values().backingWindowHours()).isEqualTo(24);

        List<Period> ads = t.periods("ADS", day("2026-12-01"), day("2026-12-31"));
        assertThat(ads).extracting(Period::scope).containsExactly(Scope.CENTRE, Scope.CAMPAIGN, Scope.CAMPAIGN);
        assertThat(ads).extracting(Period::validFrom).containsExactly(BEGINNING, day("2026-12-05"), day("2026-12-10"));
        assertThat(ads).extracting(Period::validTo).containsExactly(day("2026-12-04"), day("2026-12-09"), null);
        assertThat(ads).extracting(p -> p.values().minTalkSeconds()).containsExactly(20, 45, 45);
        assertThat(ads).extracting(p -> p.values().backingWindowHours()).containsExactly(12, 12, 24);
        assertThat(ads).allSatisfy(p -> assertThat(p.campaign()).isEqualTo("ADS"));

        // only the periods overlapping the days asked for
        assertThat(t.periods("ADS", day("2026-12-06"), day("2026-12-08"))).extracting(Period::validFrom)
                .containsExactly(day("2026-12-05"));
        assertThat(t.periods(null, day("2027-01-01"), null)).extracting(Period::validFrom)
                .containsExactly(day("2026-12-10"));
    }

    @Test
    void withoutACentreVersionThereIsNoTimeline() {
        assertThatThrownBy(() -> new ThresholdTimeline(List.of(campaign(1, "ADS", BEGINNING, 30, 600))))
                .isInstanceOf(IllegalStateException.class);
    }
}
