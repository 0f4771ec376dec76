package org.switchboard.aftersales.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.aftersales.control.Rules.Audience;
import org.switchboard.aftersales.control.Rules.Draft;
import org.switchboard.aftersales.control.Rules.OfferTerms;
import org.switchboard.core.campaigns.entity.CampaignType;
import org.switchboard.core.errors.Problem.Violation;

class RulesTest {

    static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);

    /** Campaign AS is after-sales, OUT is outbound; 1 January is a holiday; event 7 exists. */
    static final Rules.Facts FACTS = new Rules.Facts() {
        final Map<String, CampaignType> campaigns = Map.of("AS", CampaignType.AFTER_SALES, "OUT", CampaignType.OUTBOUND);

        @Override
        public Optional<CampaignType> campaignType(String code) {
            return Optional.ofNullable(campaigns.get(code.trim().toUpperCase()));
        }

        @Override
        public boolean isHoliday(LocalDate day) {
            return Set.of(NEW_YEAR).contains(day);
        }

        @Override
        public boolean eventExists(long id) {
            return id == 7;
        }
    };

    static Draft rule(String type, Integer before, Integer after, LocalDate holiday, Long event, OfferTerms offer) {
        return new Draft(type, "Greeting", "as", before, after, holiday, event, new Audience("vip", null), offer,
                "Hello!", false, true);
    }

    static Map<String, String> fields(List<Violation> violations) {
        return violations.stream().collect(java.util.stream.Collectors.toMap(Violation::field, Violation::message,
                (a, b) -> a + "; " + b));
    }

    @Test
    void aRuleOfEachTypeWithWhatItNeedsPasses() {
        assertThat(Rules.violations(rule("BIRTHDAY", 0, null, null, null, new OfferTerms("GIFT", "a mug", 14)), FACTS))
                .isEmpty();
        assertThat(Rules.violations(rule("holiday", 3, null, NEW_YEAR, null, null), FACTS)).isEmpty();
        assertThat(Rules.violations(rule("EVENT", 10, 0, null, 7L, null), FACTS)).isEmpty();
        assertThat(Rules.violations(rule("FOLLOW_UP", null, 30, null, null, new OfferTerms("DISCOUNT", "10%", 366)),
                FACTS)).isEmpty();
    }

    @Test
    void theCampaignMustExistAndBeAfterSales() {
        Draft unknown = new Draft("BIRTHDAY", "B", "NOPE", 0, null, null, null, null, null, null, null, null);
        Draft outbound = new Draft("BIRTHDAY", "B", "OUT", 0, null, null, null, null, null, null, null, null);
        Draft missing = new Draft("BIRTHDAY", "B", " ", 0, null, null, null, null, null, null, null, null);
        assertThat(fields(Rules.violations(unknown, FACTS))).containsOnlyKeys("campaign")
                .containsValue("there is no campaign 'NOPE'");
        assertThat(fields(Rules.violations(outbound, FACTS)).get("campaign")).contains("OUTBOUND", "AFTER_SALES");
        assertThat(fields(Rules.violations(missing, FACTS))).containsOnlyKeys("campaign");
    }

    @Test
    void daysBeforeIsNeededByBirthdayHolidayAndEventAndNeverNegative() {
        assertThat(fields(Rules.violations(rule("BIRTHDAY", null, null, null, null, null), FACTS)))
                .containsOnlyKeys("daysBefore");
        assertThat(fields(Rules.violations(rule("BIRTHDAY", -1, null, null, null, null), FACTS)))
                .containsOnlyKeys("daysBefore");
        assertThat(fields(Rules.violations(rule("EVENT", null, null, null, 7L, null), FACTS)))
                .containsOnlyKeys("daysBefore");
        assertThat(fields(Rules.violations(rule("BIRTHDAY", 367, null, null, null, null), FACTS)).get("daysBefore"))
                .contains("366");
        assertThat(Rules.violations(rule("BIRTHDAY", 366, null, null, null, null), FACTS)).isEmpty();
    }

    @Test
    void aFollowUpNeedsAtLeastOneDayAfter() {
        assertThat(fields(Rules.violations(rule("FOLLOW_UP", null, 0, null, null, null), FACTS)))
                .containsOnlyKeys("daysAfter");
        assertThat(fields(Rules.violations(rule("FOLLOW_UP", null, null, null, null, null), FACTS)))
                .containsOnlyKeys("daysAfter");
        assertThat(fields(Rules.violations(rule("FOLLOW_UP", 2, 1, null, null, null), FACTS)))
                .containsOnlyKeys("daysBefore");
        assertThat(fields(Rules.violations(rule("FOLLOW_UP", null, 400, null, null, null), FACTS)))
                .containsOnlyKeys("daysAfter");
    }

    @Test
    void aHolidayRuleNeedsADayOfTheCalendar() {
        assertThat(fields(Rules.violations(rule("HOLIDAY", 0, null, null, null, null), FACTS)))
                .containsOnlyKeys("holidayDate");
        assertThat(fields(Rules.violations(rule("HOLIDAY", 0, null, LocalDate.of(2027, 1, 12), null, null), FACTS))
                .get("holidayDate")).contains("2027-01-12", "not a holiday");
        assertThat(fields(Rules.violations(rule("BIRTHDAY", 0, null, NEW_YEAR, null, null), FACTS)))
                .containsOnlyKeys("holidayDate");
    }

    @Test
    void anEventRuleNeedsAnExistingEvent() {
        assertThat(fields(Rules.violations(rule("EVENT", 0, null, null, null, null), FACTS))).containsOnlyKeys("eventId");
        assertThat(fields(Rules.violations(rule("EVENT", 0, null, null, 8L, null), FACTS)))
                .containsEntry("eventId", "there is no event 8");
        assertThat(fields(Rules.violations(rule("HOLIDAY", 0, null, NEW_YEAR, 7L, null), FACTS)))
                .containsOnlyKeys("eventId");
    }

    @Test
    void anOfferNeedsKindValueAndValidDays() {
        assertThat(fields(Rules.violations(rule("BIRTHDAY", 0, null, null, null, new OfferTerms(null, " ", null)),
                FACTS))).containsOnlyKeys("offer.kind", "offer.value", "offer.validDays");
        assertThat(fields(Rules.violations(rule("BIRTHDAY", 0, null, null, null, new OfferTerms("CASH", "x", 0)),
                FACTS))).containsOnlyKeys("offer.kind", "offer.validDays");
        assertThat(fields(Rules.violations(rule("BIRTHDAY", 0, null, null, null, new OfferTerms("GIFT", "x", 367)),
                FACTS))).containsOnlyKeys("offer.validDays");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        Draft bad = new Draft("ANNIVERSARY", "", "OUT", -5, -1, null, null, new Audience("t".repeat(101), null),
                new OfferTerms("GIFT", null, 3), null, null, null);
        assertThat(fields(Rules.violations(bad, FACTS))).containsOnlyKeys("type", "name", "campaign", "daysBefore",
                "daysAfter", "audience.tag", "offer.value");
        assertThat(fields(Rules.violations(bad, FACTS)).get("type")).contains("BIRTHDAY, HOLIDAY, EVENT, FOLLOW_UP");
    }
}
