package org.switchboard.core.settings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThresholdVersionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void theTrailSaysTheDayAChangeAppliesFromAndWhenItReachesIntoThePast() {
        assertThat(ThresholdVersions.reason(TODAY, TODAY, null)).isEqualTo("from 2026-12-03");
        assertThat(ThresholdVersions.reason(TODAY.plusDays(30), TODAY, "  new contract ")).isEqualTo(
                "from 2027-01-02: new contract");
        assertThat(ThresholdVersions.reason(LocalDate.of(2026, 11, 1), TODAY, "agreed late"))
                .startsWith("from 2026-11-01 (a past day").contains("2026-11-01 onwards").endsWith(": agreed late");
        assertThat(ThresholdVersions.reason(TODAY, TODAY, "x".repeat(2000))).hasSize(1000);
    }
}
