-- Evidence integrity: the tamper trail (every manual change that touches evidence or the figures) and the history
-- of the thresholds, each version valid from a call-centre day, so a report for a past day uses the values in force
-- on that day.
CREATE SEQUENCE core_tamper_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_tamper (
    id            BIGINT        NOT NULL PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user       VARCHAR(64)   NOT NULL,
    kind          VARCHAR(30)   NOT NULL,
    subject       VARCHAR(20)   NOT NULL,
    subject_id    VARCHAR(120),
    campaign_code VARCHAR(40),
    client_id     BIGINT,
    operator      VARCHAR(64),
    field         VARCHAR(60),
    before_value  VARCHAR(4000),
    after_value   VARCHAR(4000),
    reason        VARCHAR(1000)
);
CREATE INDEX core_tamper_at ON core_tamper (at);
CREATE INDEX core_tamper_client_at ON core_tamper (client_id, at);
CREATE INDEX core_tamper_subject ON core_tamper (subject, subject_id);

-- campaign_code NULL: the centre's thresholds; otherwise a campaign's overrides (NULL fields: the centre's apply)
CREATE SEQUENCE core_threshold_version_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_threshold_version (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    campaign_code            VARCHAR(40),
    valid_from               DATE         NOT NULL,
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
    backing_window_hours     INTEGER,
    set_by                   VARCHAR(64)  NOT NULL,
    set_at                   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX core_threshold_version_scope ON core_threshold_version (campaign_code, valid_from);

-- the thresholds as they are now have been in force since the beginning: one version each, from 1970-01-01
INSERT INTO core_threshold_version (id, campaign_code, valid_from, min_talk_seconds, long_call_seconds,
    lead_spike_min_leads, lead_spike_factor, lead_spike_window_days, short_calls_min_answered, short_calls_percent,
    long_calls_min_count, repeat_dials_max, plan_miss_percent, backing_window_hours, set_by, set_at)
SELECT 1, NULL, DATE '1970-01-01', min_talk_seconds, long_call_seconds, lead_spike_min_leads, lead_spike_factor,
    lead_spike_window_days, short_calls_min_answered, short_calls_percent, long_calls_min_count, repeat_dials_max,
    plan_miss_percent, 12, 'system', CURRENT_TIMESTAMP
FROM core_settings WHERE id = 1;
INSERT INTO core_threshold_version (id, campaign_code, valid_from, min_talk_seconds, long_call_seconds, set_by, set_at)
SELECT 1 + ROW_NUMBER() OVER (ORDER BY code), code, DATE '1970-01-01', min_talk_seconds, long_call_seconds, 'system',
    CURRENT_TIMESTAMP
FROM core_campaign WHERE min_talk_seconds IS NOT NULL OR long_call_seconds IS NOT NULL;
ALTER SEQUENCE core_threshold_version_seq RESTART WITH 100000;
ALTER TABLE core_settings ADD COLUMN backing_window_hours INTEGER DEFAULT 12 NOT NULL;
ALTER TABLE core_settings_aud ADD COLUMN backing_window_hours INTEGER;
