package org.switchboard.calls.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionHoldersTest {

    private static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void aPeriodCoversItsFirstDayAndNotItsEnd() {
        ExtensionHolders holders = new ExtensionHolders(Map.of("101", List.of(
                new ExtensionHolders.Period("boris", day("2026-11-03"), null),
                new ExtensionHolders.Period("anna", day("1970-01-01"), day("2026-11-03"))),
                "102", List.of(new ExtensionHolders.Period("carl", day("2026-11-01"), day("2026-11-02")))));
        assertThat(holders.on("101", day("2026-11-02"))).isEqualTo("anna");
        assertThat(holders.on("101", day("2026-11-03"))).isEqualTo("boris");
        assertThat(holders.on("101", day("2030-01-01"))).isEqualTo("boris");
        assertThat(holders.on("102", day("2026-10-31"))).isNull();
        assertThat(holders.on("102", day("2026-11-01"))).isEqualTo("carl");
        assertThat(holders.on("102", day("2026-11-02"))).isNull();
        assertThat(holders.on("103", day("2026-11-02"))).isNull();
        assertThat(holders.on(null, day("2026-11-02"))).isNull();
    }

    @Test
    void aRecordIsTheOutboundHoldersFirstThenTheInboundHolders() {
        ExtensionHolders holders = new ExtensionHolders(Map.of(
                "101", List.of(new ExtensionHolders.Period("anna", day("2026-11-03"), null)),
                "102", List.of(new ExtensionHolders.Period("boris", day("1970-01-01"), null))));
        // a call from 101 to 102: before Anna held 101 it was Boris's inbound call, from then on Anna's outbound one
        CallRecords.Seat before = CallRecords.seat("PJSIP/101-00000001", "PJSIP/102-00000002", "101", "102",
                day("2026-11-02"), holders);
        assertThat(before).isEqualTo(new CallRecords.Seat(Cdr.Direction.IN, "boris", "102", "101"));
        CallRecords.Seat after = CallRecords.seat("PJSIP/101-00000001", "PJSIP/102-00000002", "101", "102",
                day("2026-11-03"), holders);
        assertThat(after).isEqualTo(new CallRecords.Seat(Cdr.Direction.OUT, "anna", "101", "102"));
        assertThat(CallRecords.seat("SIP/trunk-1", "PJSIP/105-2", "84951234567", "105", day("2026-11-03"), holders))
                .isEqualTo(new CallRecords.Seat(null, null, null, "+74951234567"));
    }
}
