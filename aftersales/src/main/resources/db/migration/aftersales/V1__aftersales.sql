-- After-sales service: events to invite to, rules that turn occasions into calls, the tasks they made (one per rule,
-- contact and occasion — the unique key is what makes generation idempotent), offers with one-time codes, and the
-- daily generation's own settings.
CREATE SEQUENCE aftersales_event_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE aftersales_event (
    id           BIGINT       NOT NULL PRIMARY KEY,
    name         VARCHAR(300) NOT NULL,
    event_date   DATE         NOT NULL,
    place        VARCHAR(500),
    invite_until DATE,
    description  VARCHAR(4000),
    version      BIGINT       NOT NULL
);

CREATE SEQUENCE aftersales_rule_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE aftersales_rule (
    id             BIGINT        NOT NULL PRIMARY KEY,
    type           VARCHAR(12)   NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    campaign_code  VARCHAR(40)   NOT NULL,
    days_before    INTEGER       NOT NULL,
    days_after     INTEGER       NOT NULL,
    holiday_date   DATE,
    event_id       BIGINT REFERENCES aftersales_event (id),
    audience_tag   VARCHAR(100),
    audience_city  VARCHAR(200),
    offer_kind     VARCHAR(10),
    offer_value    VARCHAR(200),
    offer_valid_days INTEGER,
    script         VARCHAR(20000),
    advertising    BOOLEAN       NOT NULL,
    active         BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL
);

CREATE SEQUENCE aftersales_task_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE aftersales_task (
    id            BIGINT      NOT NULL PRIMARY KEY,
    rule_id       BIGINT      NOT NULL REFERENCES aftersales_rule (id),
    contact_id    BIGINT      NOT NULL,
    occasion_date DATE        NOT NULL,
    call_day      DATE        NOT NULL,
    entry_id      BIGINT,
    offer_code    VARCHAR(20),
    state         VARCHAR(12) NOT NULL,
    outcome_at    TIMESTAMP(6) WITH TIME ZONE,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT aftersales_task_occasion_uq UNIQUE (rule_id, contact_id, occasion_date)
);
CREATE INDEX aftersales_task_entry_ix ON aftersales_task (entry_id, state);
CREATE INDEX aftersales_task_rule_ix ON aftersales_task (rule_id, call_day);

CREATE TABLE aftersales_offer (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    task_id     BIGINT       NOT NULL REFERENCES aftersales_task (id),
    contact_id  BIGINT       NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    offer_value VARCHAR(200) NOT NULL,
    valid_until DATE         NOT NULL,
    redeemed_at TIMESTAMP(6) WITH TIME ZONE,
    redeemed_by VARCHAR(64)
);

-- The hour of the daily generation (call-centre zone), and the last day generated.
CREATE TABLE aftersales_settings (
    id              INTEGER NOT NULL PRIMARY KEY,
    generation_time TIME    NOT NULL,
    last_generated  DATE,
    version         BIGINT  NOT NULL
);
INSERT INTO aftersales_settings (id, generation_time, version) VALUES (1, TIME '06:00:00', 0);
