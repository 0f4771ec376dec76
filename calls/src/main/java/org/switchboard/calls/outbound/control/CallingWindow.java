package org.switchboard.calls.outbound.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a contact may be called: inside the campaign's window (within 09:00–21:00) in the contact's own time zone,
 * and not on a public holiday of the contact's local calendar. The window's end is exclusive.
 */
public record CallingWindow(LocalTime start, LocalTime end, Set<LocalDate> holidays) {

    public boolean isOpen(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !holidays.contains(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }
}
