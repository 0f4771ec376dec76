-- Campaigns: shared reference data of every module (a campaign belongs to one client).
CREATE SEQUENCE core_campaign_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_campaign (
    id         BIGINT       NOT NULL PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    type       VARCHAR(20)  NOT NULL,
    client_id  BIGINT       NOT NULL REFERENCES core_client (id),
    starts_on  DATE,
    ends_on    DATE,
    active     BOOLEAN      NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT core_campaign_code_uq UNIQUE (code)
);
CREATE INDEX core_campaign_client_ix ON core_campaign (client_id);

CREATE TABLE core_campaign_aud (
    id         BIGINT NOT NULL,
    rev        BIGINT NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    code       VARCHAR(40),
    name       VARCHAR(200),
    type       VARCHAR(20),
    client_id  BIGINT,
    starts_on  DATE,
    ends_on    DATE,
    active     BOOLEAN,
    created_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);

-- Imports: each run with its running totals, and every rejected row
CREATE SEQUENCE core_import_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE core_import (
    id             BIGINT      NOT NULL PRIMARY KEY,
    kind           VARCHAR(40) NOT NULL,
    mode           VARCHAR(20) NOT NULL,
    status         VARCHAR(10) NOT NULL,
    username       VARCHAR(64) NOT NULL,
    received       BIGINT      NOT NULL,
    imported       BIGINT      NOT NULL,
    updated        BIGINT      NOT NULL,
    duplicates     BIGINT      NOT NULL,
    rejected_count BIGINT      NOT NULL,
    message        VARCHAR(2000),
    started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP(6) WITH TIME ZONE
);

CREATE SEQUENCE core_import_rejection_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_import_rejection (
    id          BIGINT        NOT NULL PRIMARY KEY,
    import_id   BIGINT        NOT NULL REFERENCES core_import (id),
    line        INTEGER       NOT NULL,
    column_name VARCHAR(100),
    reason      VARCHAR(1000) NOT NULL
);
CREATE INDEX core_import_rejection_import_ix ON core_import_rejection (import_id, line);
