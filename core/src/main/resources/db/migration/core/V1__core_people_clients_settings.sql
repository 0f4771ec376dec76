-- Core schema: people, clients, settings, and their audit trail (Hibernate Envers).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE SEQUENCE core_client_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_client (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    contact_email VARCHAR(254),
    notes         VARCHAR(2000),
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT core_client_name_uq UNIQUE (name)
);

CREATE SEQUENCE core_user_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_user (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(100) NOT NULL,
    password_changed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    full_name           VARCHAR(200) NOT NULL,
    extension           VARCHAR(16),
    team                VARCHAR(100),
    client_id           BIGINT REFERENCES core_client (id),
    enabled             BOOLEAN      NOT NULL,
    deleted_at          TIMESTAMP(6) WITH TIME ZONE,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT core_user_username_uq UNIQUE (username),
    CONSTRAINT core_user_extension_uq UNIQUE (extension)
);
CREATE INDEX core_user_client_ix ON core_user (client_id);

CREATE TABLE core_user_role (
    user_id BIGINT      NOT NULL REFERENCES core_user (id),
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE core_settings (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    time_zone                VARCHAR(64)  NOT NULL,
    min_talk_seconds         INTEGER      NOT NULL,
    long_call_seconds        INTEGER      NOT NULL,
    lead_spike_min_leads     INTEGER      NOT NULL,
    lead_spike_factor        NUMERIC(6, 2) NOT NULL,
    lead_spike_window_days   INTEGER      NOT NULL,
    short_calls_min_answered INTEGER      NOT NULL,
    short_calls_percent      INTEGER      NOT NULL,
    long_calls_min_count     INTEGER      NOT NULL,
    repeat_dials_max         INTEGER      NOT NULL,
    plan_miss_percent        INTEGER      NOT NULL,
    version                  BIGINT       NOT NULL
);
-- DOMAIN.md's defaults
INSERT INTO core_settings (id, time_zone, min_talk_seconds, long_call_seconds, lead_spike_min_leads, lead_spike_factor,
                           lead_spike_window_days, short_calls_min_answered, short_calls_percent, long_calls_min_count,
                           repeat_dials_max, plan_miss_percent, version)
VALUES (1, 'Europe/Moscow', 20, 1200, 5, 3.00, 7, 20, 40, 3, 5, 80, 0);

-- Audit trail
CREATE SEQUENCE core_revision_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_revision (
    id        BIGINT      NOT NULL PRIMARY KEY,
    at_millis BIGINT      NOT NULL,
    username  VARCHAR(64) NOT NULL
);

CREATE TABLE core_client_aud (
    id            BIGINT     NOT NULL,
    rev           BIGINT     NOT NULL REFERENCES core_revision (id),
    revtype       SMALLINT,
    name          VARCHAR(200),
    contact_email VARCHAR(254),
    notes         VARCHAR(2000),
    active        BOOLEAN,
    created_at    TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE core_user_aud (
    id                  BIGINT NOT NULL,
    rev                 BIGINT NOT NULL REFERENCES core_revision (id),
    revtype             SMALLINT,
    username            VARCHAR(64),
    password_changed_at TIMESTAMP(6) WITH TIME ZONE,
    full_name           VARCHAR(200),
    extension           VARCHAR(16),
    team                VARCHAR(100),
    client_id           BIGINT,
    enabled             BOOLEAN,
    deleted_at          TIMESTAMP(6) WITH TIME ZONE,
    created_at          TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE core_user_role_aud (
    rev     BIGINT      NOT NULL REFERENCES core_revision (id),
    revtype SMALLINT,
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (rev, user_id, role)
);

CREATE TABLE core_settings_aud (
    id                       BIGINT NOT NULL,
    rev                      BIGINT NOT NULL REFERENCES core_revision (id),
    revtype                  SMALLINT,
    time_zone                VARCHAR(64),
    min_talk_seconds         INTEGER,
    long_call_seconds        INTEGER,
    lead_spike_min_leads     INTEGER,
    lead_spike_factor        NUMERIC(6, 2),
    lead_spike_window_days   INTEGER,
    short_calls_min_answered INTEGER,
    short_calls_percent      INTEGER,
    long_calls_min_count     INTEGER,
    repeat_dials_max         INTEGER,
    plan_miss_percent        INTEGER,
    PRIMARY KEY (id, rev)
);
