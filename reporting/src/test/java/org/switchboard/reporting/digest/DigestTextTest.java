package org.switchboard.reporting.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.reporting.control.Anomaly;
import org.switchboard.reporting.control.Counts;
import org.switchboard.reporting.control.OperatorDays;
import org.switchboard.reporting.control.Totals;
import org.switchboard.reporting.digest.control.DigestText;
import org.switchboard.reporting.qa.control.QaFigures;

class DigestTextTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private static DigestText digest(String client) {
        List<OperatorDays.Figures> rows = List.of(
                new OperatorDays.Figures(DAY, "ivanov", "101", null, new Counts(40, 30, 25, 5, 1, 3000, 3, 0), 30, 2),
                new OperatorDays.Figures(DAY, "petrova", "102", null, new Counts(10, 8, 4, 4, 0, 400, 6, 6), 0, 0));
        Totals.Total centre = Totals.of(rows).centre();
        List<Anomaly> anomalies = List.of(new Anomaly(Anomaly.Type.UNBACKED_LEADS, "petrova", "102", DAY,
                "6 of 6 leads are not tied to a counted call of the operator", Map.of()));
        List<QaFigures.Tally> reviews = List.of(new QaFigures.Tally("ivanov", 2, new BigDecimal("170.0"), 1));
        return new DigestText(client, DAY, rows, centre, anomalies, reviews);
    }

    @Test
    void theDigestCarriesTheTableTheAnomaliesAndTheReviews() {
        DigestText text = digest("Alpha LLC");
        assertThat(text.subject()).isEqualTo("Switchboard: Alpha LLC, 2026-11-27 — 29 counted calls, 9 leads, 1 anomalies");
        assertThat(text.plain()).contains("ivanov", "petrova", "UNBACKED_LEADS petrova: 6 of 6 leads", "85.0")
                .containsPattern("Total\\s+50\\s+29");
        assertThat(text.html()).contains("<td>ivanov</td>", "<b>UNBACKED_LEADS</b>", "<td>85.0</td>");
    }

    @Test
    void yesterdaysDigestIsDueFromTheDigestTimeOnWhenEnabled() {
        java.time.LocalTime seven = java.time.LocalTime.of(7, 0);
        assertThat(org.switchboard.reporting.digest.control.DigestClock.due(true, seven, java.time.LocalTime.of(6, 59))).isFalse();
        assertThat(org.switchboard.reporting.digest.control.DigestClock.due(true, seven, seven)).isTrue();
        assertThat(org.switchboard.reporting.digest.control.DigestClock.due(false, seven, java.time.LocalTime.of(9, 0))).isFalse();
    }

    @Test
    void namesAreEscapedInTheHtml() {
        assertThat(digest("<script>alert(1)</script> & Co").html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>");
    }
}
