package org.switchboard.reporting.qa.boundary;

import java.time.Instant;
import org.switchboard.reporting.qa.control.QaCall;

/** One call of the day's QA sample, with the address of its recording. */
public record SampleEntry(long callId, String operator, String extension, Instant startedAt, int talkSeconds,
        String campaign, boolean successful, String recording, boolean reviewed) {

    static SampleEntry of(QaCall call) {
        return new SampleEntry(call.id(), call.operator(), call.extension(), call.startedAt(), call.talkSeconds(),
                call.campaign(), call.successful(), "/api/calls/" + call.id() + "/recording", call.reviewed());
    }
}
