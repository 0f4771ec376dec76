-- Info e-mail templates per campaign and the files they carry (a price list, a brochure).
-- Bodies are VARCHAR with the API's limit (H2 and PostgreSQL both report VARCHAR, as a String maps to); file
-- bytes are BYTEA (H2 reads it as BINARY VARYING), what Hibernate maps a plain byte[] to — as core_mail_attachment.
CREATE SEQUENCE calls_info_template_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_info_template (
    id                   BIGINT         NOT NULL PRIMARY KEY,
    campaign_id          BIGINT         NOT NULL REFERENCES core_campaign (id),
    name                 VARCHAR(200)   NOT NULL,
    subject              VARCHAR(500)   NOT NULL,
    text_body            VARCHAR(100000) NOT NULL,
    html_body            VARCHAR(100000),
    active               BOOLEAN        NOT NULL,
    -- the campaign's id while this template is its default, else NULL: the unique key allows one default per
    -- campaign even under concurrent edits (both databases let NULLs repeat in a unique key)
    default_for_campaign BIGINT,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)    NOT NULL,
    version              BIGINT         NOT NULL,
    CONSTRAINT calls_info_template_name_uq UNIQUE (campaign_id, name),
    CONSTRAINT calls_info_template_default_uq UNIQUE (default_for_campaign)
);

CREATE SEQUENCE calls_info_attachment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_info_attachment (
    id           BIGINT       NOT NULL PRIMARY KEY,
    template_id  BIGINT       NOT NULL REFERENCES calls_info_template (id),
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    content      BYTEA        NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT calls_info_attachment_name_uq UNIQUE (template_id, file_name)
);
