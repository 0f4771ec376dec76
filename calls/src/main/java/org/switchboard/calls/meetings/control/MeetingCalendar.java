package org.switchboard.calls.meetings.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.calls.meetings.entity.Meeting;

/**
 * Meetings as iCalendar text (RFC 5545): one VCALENDAR with a VEVENT per meeting. Lines end in CRLF and are
 * folded at 75 octets without splitting a UTF-8 character; TEXT values escape backslash, semicolon, comma and
 * line breaks; times are UTC ({@code 20261201T090000Z}). The UID stays the same for the life of a meeting and
 * SEQUENCE is its version, so a calendar program updates (or, for STATUS:CANCELLED, strikes out) the event it
 * already holds instead of adding another.
 */
public final class MeetingCalendar {

    public static final String MEDIA_TYPE = "text/calendar";
    static final String PRODID = "-//Switchboard//Meetings//EN";
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One meeting with what the event shows besides it: the contact's name and phone, the manager's name. */
    public record Entry(Meeting meeting, String contactName, String contactPhone, String managerName) {
    }

    private MeetingCalendar() {
    }

    /** The UID of a meeting's event, the same in the single-meeting file and in the manager's feed. */
    public static String uid(long meetingId) {
        return "meeting-" + meetingId + "@switchboard";
    }

    /** A calendar of the given meetings; {@code name} (may be null) is what calendar programs show for a feed. */
    public static String write(String name, List<Entry> entries) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:" + PRODID);
        lines.add("CALSCALE:GREGORIAN");
        if (name != null) {
            lines.add("X-WR-CALNAME:" + text(name));
        }
        entries.forEach(entry -> event(entry, lines));
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(fold(line)).append(CRLF));
        return out.toString();
    }

    private static void event(Entry entry, List<String> lines) {
        Meeting m = entry.meeting();
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + uid(m.getId()));
        lines.add("SEQUENCE:" + m.getVersion());
        // without a METHOD, DTSTAMP is the time the event was last changed (RFC 5545, 3.8.7.2)
        lines.add("DTSTAMP:" + utc(m.getUpdatedAt()));
        lines.add("CREATED:" + utc(m.getCreatedAt()));
        lines.add("LAST-MODIFIED:" + utc(m.getUpdatedAt()));
        lines.add("DTSTART:" + utc(m.getStart()));
        lines.add("DTEND:" + utc(m.getEnd()));
        lines.add("SUMMARY:" + text("Meeting with " + (entry.contactName() == null ? "contact #" + m.getContactId()
                : entry.contactName())));
        if (m.getPlace() != null && !m.getPlace().isBlank()) {
            lines.add("LOCATION:" + text(m.getPlace()));
        }
        lines.add("DESCRIPTION:" + text(description(entry)));
        lines.add("STATUS:" + (m.isCancelled() ? "CANCELLED" : "CONFIRMED"));
        lines.add("END:VEVENT");
    }

    private static String description(Entry entry) {
        Meeting m = entry.meeting();
        List<String> parts = new ArrayList<>();
        if (m.isCancelled()) {
            parts.add("Cancelled: " + m.getCancelReason());
        }
        if (m.getNote() != null && !m.getNote().isBlank()) {
            parts.add(m.getNote());
        }
        if (entry.contactPhone() != null) {
            parts.add("Phone: " + entry.contactPhone());
        }
        parts.add("Manager: " + (entry.managerName() == null ? m.getManager()
                : entry.managerName() + " (" + m.getManager() + ")"));
        if (m.getCampaign() != null) {
            parts.add("Campaign: " + m.getCampaign());
        }
        parts.add("Booked by: " + m.getBookedBy());
        return String.join("\n", parts);
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Folds a content line so that no physical line is longer than 75 octets (the leading space of a
     * continuation line included), breaking only between characters, never inside a UTF-8 sequence.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }
}
