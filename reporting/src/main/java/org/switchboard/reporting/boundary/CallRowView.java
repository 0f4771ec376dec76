package org.switchboard.reporting.boundary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import org.switchboard.reporting.control.CallsBehind;

/** A call behind a figure, with the link to its recording when it has one. */
public record CallRowView(long callId, String operator, String extension, LocalDate date, Instant startedAt,
        String direction, String number, String campaign, boolean answered, int talkSeconds, boolean counted,
        @JsonProperty("short") boolean shortCall, @JsonProperty("long") boolean longCall, boolean recorded,
        String recording, String outcome) {

    public static CallRowView of(CallsBehind.CallRow r) {
        return new CallRowView(r.callId(), r.operator(), r.extension(), r.date(), r.startedAt(), r.direction(), r.number(),
                r.campaign(), r.answered(), r.talkSeconds(), r.counted(), r.shortCall(), r.longCall(), r.recorded(),
                r.recorded() ? "/api/calls/" + r.callId() + "/recording" : null, r.outcome());
    }
}
