-- Reporting's read model: a copy of every call and lead as the feature modules announce them, and rollups
-- per operator, day and campaign kept equal to a fresh count over those copies. Days are call-centre days.

CREATE TABLE reporting_call (
    id            BIGINT      NOT NULL PRIMARY KEY,
    operator      VARCHAR(64),
    extension     VARCHAR(16),
    direction     VARCHAR(3),
    number        VARCHAR(40),
    contact_id    BIGINT,
    campaign_code VARCHAR(40),
    client_id     BIGINT,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    work_day          DATE        NOT NULL,
    answered      BOOLEAN     NOT NULL,
    talk_seconds  INTEGER     NOT NULL,
    recorded      BOOLEAN     NOT NULL,
    outcome       VARCHAR(40),
    uniqueid      VARCHAR(64)
);
CREATE INDEX reporting_call_operator_day_ix ON reporting_call (operator, work_day, number);
CREATE INDEX reporting_call_day_ix ON reporting_call (work_day);
CREATE INDEX reporting_call_uniqueid_ix ON reporting_call (uniqueid);

CREATE TABLE reporting_lead (
    id            BIGINT      NOT NULL PRIMARY KEY,
    operator      VARCHAR(64) NOT NULL,
    campaign_code VARCHAR(40),
    client_id     BIGINT,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    work_day          DATE        NOT NULL,
    call_id       BIGINT,
    call_uniqueid VARCHAR(64)
);
CREATE INDEX reporting_lead_operator_day_ix ON reporting_lead (operator, work_day);
CREATE INDEX reporting_lead_day_ix ON reporting_lead (work_day);
CREATE INDEX reporting_lead_call_ix ON reporting_lead (call_id);
CREATE INDEX reporting_lead_call_uniqueid_ix ON reporting_lead (call_uniqueid);

-- One row per operator, day and campaign ('' for calls without one), with the thresholds in force.
CREATE TABLE reporting_operator_day (
    work_day             DATE        NOT NULL,
    operator         VARCHAR(64) NOT NULL,
    campaign_code    VARCHAR(40) NOT NULL,
    client_id        BIGINT,
    calls            INTEGER     NOT NULL,
    answered         INTEGER     NOT NULL,
    counted          INTEGER     NOT NULL,
    short_calls      INTEGER     NOT NULL,
    long_calls       INTEGER     NOT NULL,
    talk_seconds     BIGINT      NOT NULL,
    leads            INTEGER     NOT NULL,
    unbacked_leads   INTEGER     NOT NULL,
    PRIMARY KEY (work_day, operator, campaign_code)
);
CREATE INDEX reporting_operator_day_operator_ix ON reporting_operator_day (operator, work_day);
CREATE INDEX reporting_operator_day_client_ix ON reporting_operator_day (client_id, work_day);

-- Outbound dials per operator, day and number: how often the operator dialled it (REPEAT_DIALS).
CREATE TABLE reporting_dials (
    work_day DATE        NOT NULL,
    operator VARCHAR(64) NOT NULL,
    number   VARCHAR(40) NOT NULL,
    dials    INTEGER     NOT NULL,
    PRIMARY KEY (work_day, operator, number)
);
CREATE INDEX reporting_dials_day_count_ix ON reporting_dials (work_day, dials);

-- Serialises changes to the rollups: every writer locks this row first, so two transactions never
-- count the same operator-day from different snapshots.
CREATE TABLE reporting_guard (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO reporting_guard (id) VALUES (1);

-- Daily plans per operator, one row per day (a pattern posted over a period is stored day by day).
CREATE SEQUENCE reporting_plan_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE reporting_plan (
    id         BIGINT      NOT NULL PRIMARY KEY,
    operator   VARCHAR(64) NOT NULL,
    work_day       DATE        NOT NULL,
    calls      INTEGER     NOT NULL,
    leads      INTEGER     NOT NULL,
    set_by     VARCHAR(64) NOT NULL,
    set_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT      NOT NULL,
    CONSTRAINT reporting_plan_operator_day_uq UNIQUE (operator, work_day)
);
CREATE INDEX reporting_plan_day_ix ON reporting_plan (work_day);
