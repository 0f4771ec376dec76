package org.switchboard.calls.meetings.boundary;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.switchboard.calls.meetings.control.Meetings;
import org.switchboard.calls.meetings.entity.Meeting;

/**
 * A meeting as written by a client. POST books it (state and version are not sent); PUT sends the version it
 * read and either changes it (state SCHEDULED or left out) or cancels it (state CANCELLED with cancelReason).
 * {@code start} and {@code end} are ISO-8601 instants with offset.
 */
public record MeetingInput(
        Long contactId,
        @Size(max = 64, message = "must be at most 64 characters long") String manager,
        OffsetDateTime start,
        OffsetDateTime end,
        String place,
        String note,
        Long callId,
        @Size(max = 40, message = "must be at most 40 characters long") String campaign,
        Meeting.State state,
        String cancelReason,
        Long version) {

    Meetings.Booking booking() {
        return new Meetings.Booking(contactId == null ? 0 : contactId, manager, instant(start), instant(end), place,
                note, callId, campaign);
    }

    Meetings.Change change() {
        return new Meetings.Change(manager, instant(start), instant(end), place, note,
                state == null ? Meeting.State.SCHEDULED : state, cancelReason, version);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
