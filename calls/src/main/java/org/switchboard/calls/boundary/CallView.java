package org.switchboard.calls.boundary;

import java.time.Instant;
import org.switchboard.calls.entity.Call;

/** A call as the API shows it. */
public record CallView(Long id, Call.Direction direction, String operator, String extension, String customerNumber,
        Long contactId, String campaign, Long clientId, Instant startedAt, Instant answeredAt, Instant endedAt,
        int durationSeconds, int talkSeconds, String disposition, boolean answered, String outcome, String notes,
        Call.Source source, String uniqueid, Integer sequence, String linkedid, String accountcode, Recording recording,
        Requests requests, long version) {

    public record Recording(String type, long bytes, String href) {
    }

    public record Requests(boolean lead, Instant meetingAt, String meetingNote, String infoEmail) {
    }

    public static CallView of(Call c) {
        return new CallView(c.getId(), c.getDirection(), c.getOperator(), c.getExtension(), c.getCustomerNumber(),
                c.getContactId(), c.getCampaign(), c.getClientId(), c.getStartedAt(), c.getAnsweredAt(), c.getEndedAt(),
                c.getDurationSeconds(), c.getTalkSeconds(), c.getDisposition().asterisk(), c.isAnswered(), c.getOutcome(),
                c.getNotes(), c.getSource(), c.getUniqueid(), c.getSequence(), c.getLinkedid(), c.getAccountcode(),
                c.getRecordingFile() == null ? null : new Recording(c.getRecordingType(), c.getRecordingBytes(),
                        "/api/calls/" + c.getId() + "/recording"),
                new Requests(c.isLeadRequested(), c.getMeetingRequestedAt(), c.getMeetingNote(), c.getInfoEmail()),
                c.getVersion());
    }
}
