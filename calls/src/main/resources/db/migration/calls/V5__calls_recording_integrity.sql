-- Evidence integrity of recordings (issue 14). A call's current recording now carries its SHA-256, where it came
-- from (PBX: the recordings import; MANUAL: a person's upload; LEGACY: stored before this migration, origin unknown,
-- so as immutable as the PBX's), when and by whom it was stored, and when a person last attached or replaced one.
ALTER TABLE calls_call ADD COLUMN recording_sha256 VARCHAR(64);
ALTER TABLE calls_call ADD COLUMN recording_origin VARCHAR(10);
ALTER TABLE calls_call ADD COLUMN recording_stored_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE calls_call ADD COLUMN recording_stored_by VARCHAR(64);
ALTER TABLE calls_call ADD COLUMN recording_manual_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE calls_call SET recording_origin = 'LEGACY' WHERE recording_file IS NOT NULL;
ALTER TABLE calls_call ADD CONSTRAINT calls_call_recording_origin_ck
    CHECK (recording_origin IS NULL OR recording_origin IN ('PBX', 'MANUAL', 'LEGACY'));

-- Every recording a person replaced (or the PBX's file superseded) is kept, with who replaced it, when and why.
CREATE SEQUENCE calls_recording_version_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_recording_version (
    id          BIGINT       NOT NULL PRIMARY KEY,
    call_id     BIGINT       NOT NULL REFERENCES calls_call (id),
    file        VARCHAR(300) NOT NULL,
    type        VARCHAR(40)  NOT NULL,
    bytes       BIGINT       NOT NULL,
    sha256      VARCHAR(64),
    origin      VARCHAR(10)  NOT NULL,
    stored_at   TIMESTAMP(6) WITH TIME ZONE,
    stored_by   VARCHAR(64),
    replaced_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    replaced_by VARCHAR(64)  NOT NULL,
    reason      VARCHAR(1000),
    CONSTRAINT calls_recording_version_origin_ck CHECK (origin IN ('PBX', 'MANUAL', 'LEGACY'))
);
CREATE INDEX calls_recording_version_call_ix ON calls_recording_version (call_id, replaced_at);

-- the listen log is searched per call, user and time (one listen per user, call and 30 minutes)
CREATE INDEX calls_listen_user_ix ON calls_listen (call_id, username, at);
