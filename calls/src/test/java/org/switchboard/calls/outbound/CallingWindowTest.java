package org.switchboard.calls.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.outbound.control.CallingWindow;
import org.switchboard.core.phones.PhoneNumbers;

class CallingWindowTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    static final CallingWindow DEFAULT = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of());

    private static Instant moscow(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(MOSCOW).toInstant();
    }

    @Test
    void theWindowIsReadInTheContactsOwnZone() {
        // 15:00 in Moscow is 22:00 in Vladivostok
        assertThat(DEFAULT.isOpen(MOSCOW, moscow("2026-12-01T15:00"))).isTrue();
        assertThat(DEFAULT.isOpen(VLADIVOSTOK, moscow("2026-12-01T15:00"))).isFalse();
        // 08:30 in Moscow is 15:30 in Vladivostok
        assertThat(DEFAULT.isOpen(MOSCOW, moscow("2026-12-01T08:30"))).isFalse();
        assertThat(DEFAULT.isOpen(VLADIVOSTOK, moscow("2026-12-01T08:30"))).isTrue();
        // 02:00 in Moscow is 09:00 in Vladivostok: the window opens there, Moscow sleeps
        assertThat(DEFAULT.isOpen(VLADIVOSTOK, moscow("2026-12-01T02:00"))).isTrue();
        assertThat(DEFAULT.isOpen(VLADIVOSTOK, moscow("2026-12-01T01:59:59"))).isFalse();
    }

    @Test
    void theStartIsInTheWindowTheEndIsNot() {
        assertThat(DEFAULT.isOpen(MOSCOW, moscow("2026-12-01T09:00"))).isTrue();
        assertThat(DEFAULT.isOpen(MOSCOW, moscow("2026-12-01T20:59:59"))).isTrue();
        assertThat(DEFAULT.isOpen(MOSCOW, moscow("2026-12-01T21:00"))).isFalse();
        CallingWindow narrowed = new CallingWindow(LocalTime.of(10, 0), LocalTime.of(18, 0), Set.of());
        assertThat(narrowed.isOpen(MOSCOW, moscow("2026-12-01T09:30"))).isFalse();
    }

    @Test
    void aHolidayInTheContactsCalendarClosesTheDay() {
        CallingWindow holidays = new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of(LocalDate.of(2026, 11, 4)));
        assertThat(holidays.isOpen(MOSCOW, moscow("2026-11-04T12:00"))).isFalse();
        // 23:00 on 3 November in Moscow is already 4 November in Vladivostok (and outside its window anyway)
        assertThat(holidays.isOpen(VLADIVOSTOK, moscow("2026-11-04T02:30"))).isFalse();
        assertThat(holidays.isOpen(VLADIVOSTOK, moscow("2026-11-03T08:00"))).isTrue();
    }

    @Test
    void landlinesTellTheirZone() {
        assertThat(PhoneNumbers.timeZone("+74232401234")).contains(VLADIVOSTOK);
        assertThat(PhoneNumbers.timeZone("+74951234567")).contains(MOSCOW);
    }
}
