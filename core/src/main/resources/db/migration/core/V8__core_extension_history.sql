-- Who held which telephony extension on which call-centre days: the PBX import resolves a record's extension to an
-- operator by the record's day, and a change of holder applies from a day. valid_to is exclusive (NULL: still held);
-- valid_from 1970-01-01 means "since the beginning".
CREATE SEQUENCE core_extension_mapping_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_extension_mapping (
    id          BIGINT       NOT NULL PRIMARY KEY,
    extension   VARCHAR(16)  NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    set_by      VARCHAR(64)  NOT NULL,
    set_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason      VARCHAR(1000),
    version     BIGINT       NOT NULL
);
CREATE INDEX core_extension_mapping_ext ON core_extension_mapping (extension, valid_from);
CREATE INDEX core_extension_mapping_user ON core_extension_mapping (username);

-- the extensions held now have been held since the beginning (that is how the import has read them until now)
INSERT INTO core_extension_mapping (id, extension, username, valid_from, valid_to, set_by, set_at, reason, version)
SELECT NEXTVAL('core_extension_mapping_seq'), extension, username, DATE '1970-01-01', NULL, 'system', CURRENT_TIMESTAMP,
       'held when the history began', 0
FROM core_user WHERE extension IS NOT NULL;

-- one row that a change of the history and each chunk of a PBX import lock first: a chunk places its records by the
-- history as it is after any change that committed before it, and a change places again every record stored before it
CREATE TABLE core_extension_guard (
    id BIGINT NOT NULL PRIMARY KEY
);
INSERT INTO core_extension_guard (id) VALUES (1);
