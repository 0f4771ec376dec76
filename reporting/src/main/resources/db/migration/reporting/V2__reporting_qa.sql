-- Quality review of recordings (scorecards, reviews) and reporting's own settings (QA sample size, daily digest).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The one row of reporting settings; the CHECK keeps it one.
CREATE TABLE reporting_settings (
    id             BIGINT  NOT NULL PRIMARY KEY CHECK (id = 1),
    qa_sample_size INTEGER DEFAULT 2 NOT NULL,
    digest_time    TIME    DEFAULT TIME '07:00:00' NOT NULL,
    digest_enabled BOOLEAN DEFAULT TRUE NOT NULL,
    version        BIGINT  DEFAULT 0 NOT NULL
);
INSERT INTO reporting_settings (id) VALUES (1);

CREATE TABLE reporting_settings_aud (
    id             BIGINT NOT NULL,
    rev            BIGINT NOT NULL REFERENCES core_revision (id),
    revtype        SMALLINT,
    qa_sample_size INTEGER,
    digest_time    TIME,
    digest_enabled BOOLEAN,
    PRIMARY KEY (id, rev)
);

-- Who receives a client's daily digest.
CREATE TABLE reporting_digest_recipient (
    client_id BIGINT       NOT NULL REFERENCES core_client (id),
    email     VARCHAR(254) NOT NULL,
    PRIMARY KEY (client_id, email)
);

CREATE TABLE reporting_digest_recipient_aud (
    client_id BIGINT       NOT NULL,
    email     VARCHAR(254) NOT NULL,
    rev       BIGINT       NOT NULL REFERENCES core_revision (id),
    revtype   SMALLINT,
    PRIMARY KEY (client_id, email, rev)
);

-- Scorecards: what a reviewer marks in a recording. Editable; a review keeps its own copy of the criteria.
CREATE SEQUENCE reporting_qa_scorecard_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE reporting_qa_scorecard (
    id         BIGINT        NOT NULL PRIMARY KEY,
    name       VARCHAR(200)  NOT NULL,
    pass_mark  NUMERIC(4, 1) NOT NULL,
    active     BOOLEAN       NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT reporting_qa_scorecard_name_uq UNIQUE (name)
);

CREATE TABLE reporting_qa_criterion (
    scorecard_id BIGINT       NOT NULL REFERENCES reporting_qa_scorecard (id),
    position     INTEGER      NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    text         VARCHAR(500) NOT NULL,
    points       INTEGER      NOT NULL,
    fatal        BOOLEAN      NOT NULL,
    PRIMARY KEY (scorecard_id, position)
);

CREATE TABLE reporting_qa_scorecard_aud (
    id         BIGINT NOT NULL,
    rev        BIGINT NOT NULL REFERENCES core_revision (id),
    revtype    SMALLINT,
    name       VARCHAR(200),
    pass_mark  NUMERIC(4, 1),
    active     BOOLEAN,
    created_by VARCHAR(64),
    created_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (id, rev)
);

CREATE TABLE reporting_qa_criterion_aud (
    rev          BIGINT       NOT NULL REFERENCES core_revision (id),
    revtype      SMALLINT,
    scorecard_id BIGINT       NOT NULL,
    position     INTEGER      NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    text         VARCHAR(500) NOT NULL,
    points       INTEGER      NOT NULL,
    fatal        BOOLEAN      NOT NULL,
    PRIMARY KEY (rev, scorecard_id, position, code, text, points, fatal)
);

-- Reviews are final once written (no version, no updates): a correction is a new review naming the one it
-- corrects, and a review is corrected at most once, so corrections form one chain per first review.
-- The call's operator, campaign, client and day are copied at review time; call_id has no foreign key because
-- reporting_call is a read model that may be rebuilt.
CREATE SEQUENCE reporting_qa_review_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE reporting_qa_review (
    id                BIGINT        NOT NULL PRIMARY KEY,
    call_id           BIGINT        NOT NULL,
    operator          VARCHAR(64)   NOT NULL,
    campaign_code     VARCHAR(40),
    client_id         BIGINT,
    work_day          DATE          NOT NULL,
    scorecard_id      BIGINT        NOT NULL REFERENCES reporting_qa_scorecard (id),
    scorecard_version BIGINT        NOT NULL,
    scorecard_name    VARCHAR(200)  NOT NULL,
    pass_mark         NUMERIC(4, 1) NOT NULL,
    points            INTEGER       NOT NULL,
    points_possible   INTEGER       NOT NULL,
    score             NUMERIC(4, 1) NOT NULL,
    verdict           VARCHAR(4)    NOT NULL,
    comment           VARCHAR(2000),
    reviewer          VARCHAR(64)   NOT NULL,
    reviewed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    corrects          BIGINT REFERENCES reporting_qa_review (id),
    CONSTRAINT reporting_qa_review_corrects_uq UNIQUE (corrects)
);
CREATE INDEX reporting_qa_review_call_ix ON reporting_qa_review (call_id);
CREATE INDEX reporting_qa_review_day_ix ON reporting_qa_review (work_day, operator);
CREATE INDEX reporting_qa_review_client_ix ON reporting_qa_review (client_id, work_day);

-- The criteria as they were scored: the scorecard may change later, the review does not.
CREATE TABLE reporting_qa_review_score (
    review_id BIGINT       NOT NULL REFERENCES reporting_qa_review (id),
    position  INTEGER      NOT NULL,
    code      VARCHAR(40)  NOT NULL,
    text      VARCHAR(500) NOT NULL,
    points    INTEGER      NOT NULL,
    fatal     BOOLEAN      NOT NULL,
    scored    INTEGER      NOT NULL,
    PRIMARY KEY (review_id, position)
);
