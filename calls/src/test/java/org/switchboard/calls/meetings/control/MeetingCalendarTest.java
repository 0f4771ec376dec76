package org.switchboard.calls.meetings.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.calls.meetings.entity.Meeting;

class MeetingCalendarTest {

    static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");

    static Meeting meeting(long id, long version, String place, String note, String campaign) {
        Meeting m = new Meeting(7L, "boss", OffsetDateTime.parse("2026-12-01T12:00:00+03:00").toInstant(),
                OffsetDateTime.parse("2026-12-01T13:30:00+03:00").toInstant(), place, note, null, campaign, null, "op1",
                CREATED);
        set(m, "id", id);
        set(m, "version", version);
        return m;
    }

    static void set(Meeting m, String field, Object value) {
        try {
            Field f = Meeting.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(m, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneMeetingIsOneEventInUtcWithCrlfLines() {
        String text = MeetingCalendar.write(null, List.of(new MeetingCalendar.Entry(meeting(42, 0, "Office", null, null),
                "Ivan Petrov", "+78124483454", "Olga")));
        assertThat(text).isEqualTo("BEGIN:VCALENDAR\r\n"
                + "VERSION:2.0\r\n"
                + "PRODID:-//Switchboard//Meetings//EN\r\n"
                + "CALSCALE:GREGORIAN\r\n"
                + "BEGIN:VEVENT\r\n"
                + "UID:meeting-42@switchboard\r\n"
                + "SEQUENCE:0\r\n"
                + "DTSTAMP:20261128T100000Z\r\n"
                + "CREATED:20261128T100000Z\r\n"
                + "LAST-MODIFIED:20261128T100000Z\r\n"
                + "DTSTART:20261201T090000Z\r\n"
                + "DTEND:20261201T103000Z\r\n"
                + "SUMMARY:Meeting with Ivan Petrov\r\n"
                + "LOCATION:Office\r\n"
                + "DESCRIPTION:Phone: +78124483454\\nManager: Olga (boss)\\nBooked by: op1\r\n"
                + "STATUS:CONFIRMED\r\n"
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void textValuesEscapeCommasSemicolonsBackslashesAndLineBreaks() {
        assertThat(MeetingCalendar.text("Nevsky pr. 28, office 5; ring \\ twice\r\nthen wait\nor\rleave"))
                .isEqualTo("Nevsky pr. 28\\, office 5\\; ring \\\\ twice\\nthen wait\\nor\\nleave");
        assertThat(MeetingCalendar.text("tab\there, bell\u0007 gone")).isEqualTo("tab\there\\, bell gone");
        assertThat(MeetingCalendar.text("https://meet.example.com/j/123?pwd=a;b"))
                .isEqualTo("https://meet.example.com/j/123?pwd=a\\;b");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingCharacters() {
        String name = "Константин Константинопольский-Добровольский, ООО «Рога и копыта»; отдел продаж";
        String note = "Привезти прайс-лист, договор и образцы; позвонить за час до встречи. ".repeat(6);
        String text = MeetingCalendar.write("Meetings of Ольга", List.of(new MeetingCalendar.Entry(
                meeting(43, 3, "https://meet.example.com/room/very-long-room-name-that-goes-on-and-on?pwd=abc,def", note,
                        "ADS-NOV"), name, "+79111234567", "Ольга Начальникова")));
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text).contains("\r\n ");
        // every physical line is valid UTF-8 on its own: no character was cut in two
        for (String line : text.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(line);
            assertThat(line).doesNotContain("\uFFFD");
        }
        Map<String, String> event = parse(text);
        assertThat(event.get("SUMMARY")).isEqualTo("Meeting with " + name);
        assertThat(event.get("LOCATION"))
                .isEqualTo("https://meet.example.com/room/very-long-room-name-that-goes-on-and-on?pwd=abc,def");
        assertThat(event.get("DESCRIPTION")).isEqualTo(note + "\nPhone: +79111234567"
                + "\nManager: Ольга Начальникова (boss)\nCampaign: ADS-NOV\nBooked by: op1");
        assertThat(event.get("X-WR-CALNAME")).isEqualTo("Meetings of Ольга");
        assertThat(event.get("SEQUENCE")).isEqualTo("3");
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        String cyrillic = "Я".repeat(60);
        String folded = MeetingCalendar.fold("SUMMARY:" + cyrillic);
        String[] lines = folded.split("\r\n");
        // "SUMMARY:" is 8 octets, each Я two: 33 fit on the first line (74 octets), a 34th would make 76
        assertThat(lines[0]).isEqualTo("SUMMARY:" + "Я".repeat(33));
        assertThat(lines[1]).isEqualTo(" " + "Я".repeat(27));
        assertThat(MeetingCalendar.fold("X".repeat(75))).isEqualTo("X".repeat(75));
        assertThat(MeetingCalendar.fold("X".repeat(76))).isEqualTo("X".repeat(75) + "\r\n X");
        assertThat(MeetingCalendar.fold("X".repeat(75 + 74 + 1)))
                .isEqualTo("X".repeat(75) + "\r\n " + "X".repeat(74) + "\r\n X");
        assertThat(MeetingCalendar.fold("A😀".repeat(30)).split("\r\n"))
                .allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @Test
    void aCancelledMeetingSaysSoAndWhy() {
        Meeting m = meeting(44, 0, null, "bring samples", null);
        m.cancel("client, ill; next week", Instant.parse("2026-11-29T08:15:00Z"));
        set(m, "version", 1L);
        String text = MeetingCalendar.write(null, List.of(new MeetingCalendar.Entry(m, null, null, null)));
        Map<String, String> event = parse(text);
        assertThat(event.get("STATUS")).isEqualTo("CANCELLED");
        assertThat(event.get("SEQUENCE")).isEqualTo("1");
        assertThat(event.get("UID")).isEqualTo("meeting-44@switchboard");
        assertThat(event.get("DTSTAMP")).isEqualTo("20261129T081500Z");
        assertThat(event.get("LAST-MODIFIED")).isEqualTo("20261129T081500Z");
        assertThat(event.get("CREATED")).isEqualTo("20261128T100000Z");
        assertThat(event).doesNotContainKey("LOCATION");
        assertThat(event.get("SUMMARY")).isEqualTo("Meeting with contact #7");
        assertThat(event.get("DESCRIPTION"))
                .isEqualTo("Cancelled: client, ill; next week\nbring samples\nManager: boss\nBooked by: op1");
        assertThat(text).contains("DESCRIPTION:Cancelled: client\\, ill\\; next week\\n");
    }

    @Test
    void aFeedHoldsOneEventPerMeetingInOrder() {
        String text = MeetingCalendar.write("Meetings of Olga", List.of(
                new MeetingCalendar.Entry(meeting(1, 0, "A", null, null), "One", null, "Olga"),
                new MeetingCalendar.Entry(meeting(2, 5, "B", null, null), "Two", null, "Olga")));
        assertThat(text.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(text).containsSubsequence("UID:meeting-1@switchboard", "UID:meeting-2@switchboard")
                .startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("X-WR-CALNAME:Meetings of Olga\r\n");
        assertThat(MeetingCalendar.write("Empty", List.of())).doesNotContain("VEVENT");
    }

    /** Unfolds and unescapes an iCalendar text: property name → value (the last one wins), as a reader would. */
    static Map<String, String> parse(String text) {
        assertThat(text).endsWith("\r\n");
        String unfolded = text.replace("\r\n ", "");
        Map<String, String> props = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            String name = line.substring(0, colon);
            names.add(name);
            props.put(name, unescape(line.substring(colon + 1)));
        }
        assertThat(names).startsWith("BEGIN", "VERSION", "PRODID").endsWith("END");
        return props;
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                assertThat(c).as("unescaped , or ; in " + value).isNotIn(',', ';');
                out.append(c);
            }
        }
        return out.toString();
    }
}
