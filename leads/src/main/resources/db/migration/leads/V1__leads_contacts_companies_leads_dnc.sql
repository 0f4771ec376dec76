-- Contacts, companies, leads and do-not-call lists, with their audit tables (Hibernate Envers).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE SEQUENCE leads_company_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE leads_company (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(300)  NOT NULL,
    search_name VARCHAR(300)  NOT NULL,
    inn         VARCHAR(12),
    site        VARCHAR(300),
    notes       VARCHAR(4000),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX leads_company_search_ix ON leads_company (search_name);
CREATE INDEX leads_company_inn_ix ON leads_company (inn);

CREATE TABLE leads_company_phone (
    company_id BIGINT      NOT NULL REFERENCES leads_company (id),
    position   INTEGER     NOT NULL,
    number     VARCHAR(20) NOT NULL,
    PRIMARY KEY (company_id, position)
);

CREATE SEQUENCE leads_contact_seq START WITH 1 INCREMENT BY 100;
CREATE TABLE leads_contact (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    full_name          VARCHAR(300)  NOT NULL,
    search_name        VARCHAR(300)  NOT NULL,
    company_id         BIGINT REFERENCES leads_company (id),
    position           VARCHAR(200),
    birthday           DATE,
    city               VARCHAR(200),
    notes              VARCHAR(4000),
    source_campaign    VARCHAR(40),
    source_client_id   BIGINT,
    consent_given      BOOLEAN       NOT NULL,
    consent_source     VARCHAR(300),
    consent_date       DATE,
    do_not_call        BOOLEAN       NOT NULL,
    owner              VARCHAR(64),
    derived_time_zone  VARCHAR(64),
    time_zone_override VARCHAR(64),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP(6) WITH TIME ZONE,
    erased_at          TIMESTAMP(6) WITH TIME ZONE,
    merged_into_id     BIGINT,
    version            BIGINT        NOT NULL
);
CREATE INDEX leads_contact_search_ix ON leads_contact (search_name);
CREATE INDEX leads_contact_company_ix ON leads_contact (company_id);
CREATE INDEX leads_contact_source_client_ix ON leads_contact (source_client_id);
CREATE INDEX leads_contact_birthday_ix ON leads_contact (birthday);

CREATE SEQUENCE leads_contact_phone_seq START WITH 1 INCREMENT BY 100;
CREATE TABLE leads_contact_phone (
    id         BIGINT      NOT NULL PRIMARY KEY,
    contact_id BIGINT      NOT NULL REFERENCES leads_contact (id),
    number     VARCHAR(20) NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    position   INTEGER     NOT NULL
);
-- search by phone is this index lookup
CREATE INDEX leads_contact_phone_number_ix ON leads_contact_phone (number);
CREATE INDEX leads_contact_phone_contact_ix ON leads_contact_phone (contact_id);

CREATE TABLE leads_contact_email (
    contact_id BIGINT       NOT NULL REFERENCES leads_contact (id),
    email      VARCHAR(254) NOT NULL,
    PRIMARY KEY (contact_id, email)
);
CREATE INDEX leads_contact_email_ix ON leads_contact_email (email);

CREATE TABLE leads_contact_tag (
    contact_id BIGINT       NOT NULL REFERENCES leads_contact (id),
    tag        VARCHAR(100) NOT NULL,
    PRIMARY KEY (contact_id, tag)
);
CREATE INDEX leads_contact_tag_ix ON leads_contact_tag (tag);

CREATE SEQUENCE leads_lead_seq START WITH 1 INCREMENT BY 100;
CREATE TABLE leads_lead (
    id              BIGINT         NOT NULL PRIMARY KEY,
    contact_id      BIGINT         NOT NULL REFERENCES leads_contact (id),
    campaign_code   VARCHAR(40)    NOT NULL,
    client_id       BIGINT         NOT NULL,
    operator        VARCHAR(64)    NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    lost_reason     VARCHAR(500),
    estimated_value NUMERIC(14, 2),
    call_id         BIGINT,
    call_uniqueid   VARCHAR(64),
    notes           VARCHAR(4000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version         BIGINT         NOT NULL
);
CREATE INDEX leads_lead_operator_ix ON leads_lead (operator, created_at);
CREATE INDEX leads_lead_client_ix ON leads_lead (client_id, created_at);
CREATE INDEX leads_lead_campaign_ix ON leads_lead (campaign_code, created_at);
CREATE INDEX leads_lead_contact_ix ON leads_lead (contact_id);
CREATE INDEX leads_lead_call_uniqueid_ix ON leads_lead (call_uniqueid);
CREATE INDEX leads_lead_call_ix ON leads_lead (call_id);

CREATE SEQUENCE leads_lead_status_change_seq START WITH 1 INCREMENT BY 100;
CREATE TABLE leads_lead_status_change (
    id          BIGINT      NOT NULL PRIMARY KEY,
    lead_id     BIGINT      NOT NULL REFERENCES leads_lead (id),
    from_status VARCHAR(20),
    to_status   VARCHAR(20) NOT NULL,
    reason      VARCHAR(500),
    changed_by  VARCHAR(64) NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX leads_lead_status_change_lead_ix ON leads_lead_status_change (lead_id, at);

CREATE SEQUENCE leads_dnc_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE leads_dnc (
    id         BIGINT      NOT NULL PRIMARY KEY,
    number     VARCHAR(20) NOT NULL,
    client_id  BIGINT,
    scope      VARCHAR(20) NOT NULL,
    reason     VARCHAR(500),
    contact_id BIGINT,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT leads_dnc_number_scope_uq UNIQUE (number, scope)
);

-- Audit
CREATE TABLE leads_company_aud (
    id          BIGINT NOT NULL,
    rev         BIGINT NOT NULL REFERENCES core_revision (id),
    revtype     SMALLINT,
    name        VARCHAR(300),
    search_name VARCHAR(300),
    inn         VARCHAR(12),
    site        VARCHAR(300),
    notes       VARCHAR(4000),
    created_at  TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);
CREATE TABLE leads_company_phone_aud (
    rev        BIGINT      NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    company_id BIGINT      NOT NULL,
    position   INTEGER     NOT NULL,
    number     VARCHAR(20),
    PRIMARY KEY (rev, company_id, position)
);
CREATE TABLE leads_contact_aud (
    id                 BIGINT NOT NULL,
    rev                BIGINT NOT NULL REFERENCES core_revision (id),
    revtype            SMALLINT,
    full_name          VARCHAR(300),
    search_name        VARCHAR(300),
    company_id         BIGINT,
    position           VARCHAR(200),
    birthday           DATE,
    city               VARCHAR(200),
    notes              VARCHAR(4000),
    source_campaign    VARCHAR(40),
    source_client_id   BIGINT,
    consent_given      BOOLEAN,
    consent_source     VARCHAR(300),
    consent_date       DATE,
    do_not_call        BOOLEAN,
    owner              VARCHAR(64),
    derived_time_zone  VARCHAR(64),
    time_zone_override VARCHAR(64),
    created_at         TIMESTAMP(6) WITH TIME ZONE,
    deleted_at         TIMESTAMP(6) WITH TIME ZONE,
    erased_at          TIMESTAMP(6) WITH TIME ZONE,
    merged_into_id     BIGINT,
    PRIMARY KEY (id, rev)
);
CREATE TABLE leads_contact_phone_aud (
    id         BIGINT NOT NULL,
    rev        BIGINT NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    contact_id BIGINT,
    number     VARCHAR(20),
    kind       VARCHAR(10),
    position   INTEGER,
    PRIMARY KEY (id, rev)
);
CREATE TABLE leads_contact_email_aud (
    rev        BIGINT       NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    contact_id BIGINT       NOT NULL,
    email      VARCHAR(254) NOT NULL,
    PRIMARY KEY (rev, contact_id, email)
);
CREATE TABLE leads_contact_tag_aud (
    rev        BIGINT       NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    contact_id BIGINT       NOT NULL,
    tag        VARCHAR(100) NOT NULL,
    PRIMARY KEY (rev, contact_id, tag)
);
CREATE TABLE leads_lead_aud (
    id              BIGINT NOT NULL,
    rev             BIGINT NOT NULL REFERENCES core_revision (id),
    revtype         SMALLINT,
    contact_id      BIGINT,
    campaign_code   VARCHAR(40),
    client_id       BIGINT,
    operator        VARCHAR(64),
    status          VARCHAR(20),
    lost_reason     VARCHAR(500),
    estimated_value NUMERIC(14, 2),
    call_id         BIGINT,
    call_uniqueid   VARCHAR(64),
    notes           VARCHAR(4000),
    created_at      TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);
CREATE TABLE leads_dnc_aud (
    id         BIGINT NOT NULL,
    rev        BIGINT NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    number     VARCHAR(20),
    client_id  BIGINT,
    scope      VARCHAR(20),
    reason     VARCHAR(500),
    contact_id BIGINT,
    created_by VARCHAR(64),
    created_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);
