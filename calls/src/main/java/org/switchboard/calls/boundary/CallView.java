package org.switchboard.calls.boundary;

import java.time.Instant;
import org.switchboard.calls.entity.Call;

/** A call as the API shows it. */
public record CallView(Long id, Call.Direction direction, String operator, String extension, String customerNumber,
        Long contactId, String campaign, Long clientId, Instant startedAt, Instant answeredAt, Instant endedAt,
        int durationSeconds, int talkSeconds, String disposition, boolean answered, String outcome, String notes,
        Call.Source source, String uniqueid, Integer sequence, String linkedid, String accountcode, Recording recording,
        String recordingSha256, Call.RecordingOrigin recordingOrigin, Instant recordingManualAt, Requests requests,
        long version) {

    /**
     * The current recording: {@code sha256} (lowercase hex) as it was stored, {@code origin} PBX, MANUAL or LEGACY, who
     * stored it and when (null for LEGACY).
     */
    public record Recording(String type, long bytes, String href, String sha256, Call.RecordingOrigin origin,
            Instant storedAt, String storedBy) {
    }

    public record Requests(boolean lead, Instant meetingAt, String meetingNote, String infoEmail) {
    }

    public static CallView of(Call c) {
        return new CallView(c.getId(), c.getDirection(), c.getOperator(), c.getExtension(), c.getCustomerNumber(),
                c.getContactId(), c.getCampaign(), c.getClientId(), c.getStartedAt(), c.getAnsweredAt(), c.getEndedAt(),
                c.getDurationSeconds(), c.getTalkSeconds(), c.getDisposition().asterisk(), c.isAnswered(), c.getOutcome(),
                c.getNotes(), c.getSource(), c.getUniqueid(), c.getSequence(), c.getLinkedid(), c.getAccountcode(),
                c.getRecordingFile() == null ? null : new Recording(c.getRecordingType(), c.getRecordingBytes(),
                        "/api/calls/" + c.getId() + "/recording", c.getRecordingSha256(), c.getRecordingOrigin(),
                        c.getRecordingStoredAt(), c.getRecordingStoredBy()),
                c.getRecordingFile() == null ? null : c.getRecordingSha256(),
                c.getRecordingFile() == null ? null : c.getRecordingOrigin(), c.getRecordingManualAt(),
                new Requests(c.isLeadRequested(), c.getMeetingRequestedAt(), c.getMeetingNote(), c.getInfoEmail()),
                c.getVersion());
    }
}
