package org.switchboard.calls.meetings.boundary;

import java.time.Instant;
import org.switchboard.calls.meetings.entity.Meeting;

/** A meeting as the API shows it; {@code ics} is where its iCalendar file is. */
public record MeetingView(Long id, long contactId, String manager, Instant start, Instant end, String place,
        String note, Long callId, String campaign, String bookedBy, Meeting.State state, String cancelReason,
        long version, Instant createdAt, Instant updatedAt, String ics) {

    public static MeetingView of(Meeting m) {
        return new MeetingView(m.getId(), m.getContactId(), m.getManager(), m.getStart(), m.getEnd(), m.getPlace(),
                m.getNote(), m.getCallId(), m.getCampaign(), m.getBookedBy(), m.getState(), m.getCancelReason(),
                m.getVersion(), m.getCreatedAt(), m.getUpdatedAt(), "/api/meetings/" + m.getId() + ".ics");
    }
}
