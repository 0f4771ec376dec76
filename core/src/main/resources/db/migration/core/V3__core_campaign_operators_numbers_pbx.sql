-- Campaigns gain their operators, the numbers callers dial to reach them, and threshold overrides;
-- settings gain the PBX time zone and the recording size limit.
ALTER TABLE core_campaign ADD COLUMN min_talk_seconds INTEGER;
ALTER TABLE core_campaign ADD COLUMN long_call_seconds INTEGER;
ALTER TABLE core_campaign_aud ADD COLUMN min_talk_seconds INTEGER;
ALTER TABLE core_campaign_aud ADD COLUMN long_call_seconds INTEGER;

CREATE TABLE core_campaign_operator (
    campaign_id BIGINT      NOT NULL REFERENCES core_campaign (id),
    username    VARCHAR(64) NOT NULL,
    PRIMARY KEY (campaign_id, username)
);
CREATE INDEX core_campaign_operator_user_ix ON core_campaign_operator (username);
CREATE TABLE core_campaign_operator_aud (
    rev         BIGINT      NOT NULL REFERENCES core_revision (id),
    revtype     SMALLINT,
    campaign_id BIGINT      NOT NULL,
    username    VARCHAR(64) NOT NULL,
    PRIMARY KEY (rev, campaign_id, username)
);

CREATE TABLE core_campaign_number (
    campaign_id BIGINT      NOT NULL REFERENCES core_campaign (id),
    number      VARCHAR(20) NOT NULL,
    PRIMARY KEY (campaign_id, number)
);
CREATE INDEX core_campaign_number_ix ON core_campaign_number (number);
CREATE TABLE core_campaign_number_aud (
    rev         BIGINT      NOT NULL REFERENCES core_revision (id),
    revtype     SMALLINT,
    campaign_id BIGINT      NOT NULL,
    number      VARCHAR(20) NOT NULL,
    PRIMARY KEY (rev, campaign_id, number)
);

ALTER TABLE core_settings ADD COLUMN pbx_time_zone VARCHAR(64);
ALTER TABLE core_settings ADD COLUMN recording_max_bytes BIGINT DEFAULT 104857600 NOT NULL;
ALTER TABLE core_settings_aud ADD COLUMN pbx_time_zone VARCHAR(64);
ALTER TABLE core_settings_aud ADD COLUMN recording_max_bytes BIGINT;
