package org.switchboard.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.switchboard.leads.control.SearchKeys;
import org.switchboard.leads.control.io.Cells;
import org.switchboard.leads.entity.LeadStatus;

class SearchKeysAndCellsTest {

    @Test
    void namesSearchCaseInsensitivelyInCyrillicAndLatin() {
        assertThat(SearchKeys.name("  Пётр   ИВАНОВ ")).isEqualTo("петр иванов");
        assertThat(SearchKeys.name("John SMITH")).isEqualTo("john smith");
        assertThat(SearchKeys.name("Пётр")).isEqualTo(SearchKeys.name("петр"));
    }

    @Test
    void cellsReadTheWaysPeopleWriteThem() {
        assertThat(Cells.date("28.11.2026")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(Cells.date("2026-11-28")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(Cells.yesNo("Да")).isTrue();
        assertThat(Cells.yesNo("no")).isFalse();
        assertThat(Cells.decimal("1 500,50")).isEqualByComparingTo(new BigDecimal("1500.50"));
        assertThat(Cells.list("a; b;;c")).containsExactly("a", "b", "c");
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        assertThat(Cells.instant("2026-11-28 14:05:00", moscow)).isEqualTo(Instant.parse("2026-11-28T11:05:00Z"));
        assertThat(Cells.instant("28.11.2026 14:05", moscow)).isEqualTo(Instant.parse("2026-11-28T11:05:00Z"));
        assertThat(Cells.instant("2026-11-28T14:05:00+05:00", moscow)).isEqualTo(Instant.parse("2026-11-28T09:05:00Z"));
    }

    @Test
    void badCellsSayWhatWasExpected() {
        assertThatThrownBy(() -> Cells.date("31.02.2026")).hasMessageContaining("28.11.2026");
        assertThatThrownBy(() -> Cells.yesNo("maybe")).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> Cells.instant("yesterday", ZoneId.of("UTC"))).hasMessageContaining("2026-11-28 14:05:00");
        assertThatThrownBy(() -> Cells.decimal("ten")).hasMessageContaining("number");
    }

    @Test
    void leadsOnlyMoveForward() {
        assertThat(LeadStatus.NEW.canMoveTo(LeadStatus.QUALIFIED)).isTrue();
        assertThat(LeadStatus.NEW.canMoveTo(LeadStatus.WON)).isTrue();
        assertThat(LeadStatus.MEETING_SET.canMoveTo(LeadStatus.LOST)).isTrue();
        assertThat(LeadStatus.QUALIFIED.canMoveTo(LeadStatus.NEW)).isFalse();
        assertThat(LeadStatus.WON.canMoveTo(LeadStatus.LOST)).isFalse();
        assertThat(LeadStatus.LOST.canMoveTo(LeadStatus.QUALIFIED)).isFalse();
        assertThat(LeadStatus.NEW.canMoveTo(LeadStatus.NEW)).isFalse();
    }
}
