-- Surveys: questionnaires in versions (a version with answers never changes), responses and their answers.
CREATE SEQUENCE surveys_survey_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE surveys_survey (
    id            BIGINT       NOT NULL PRIMARY KEY,
    title         VARCHAR(300) NOT NULL,
    campaign_code VARCHAR(40),
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX surveys_survey_campaign_ix ON surveys_survey (campaign_code);

-- One version of the questionnaire: DRAFT while it is being written, PUBLISHED once live (then frozen).
CREATE SEQUENCE surveys_version_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE surveys_version (
    id           BIGINT          NOT NULL PRIMARY KEY,
    survey_id    BIGINT          NOT NULL REFERENCES surveys_survey (id),
    number       INTEGER         NOT NULL,
    state        VARCHAR(10)     NOT NULL,
    intro        VARCHAR(20000),
    definition   VARCHAR(1000000) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE,
    version      BIGINT          NOT NULL,
    CONSTRAINT surveys_version_number_uq UNIQUE (survey_id, number)
);

-- An interview: the version it is given on, where it stands, how it ended.
CREATE SEQUENCE surveys_response_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE surveys_response (
    id               BIGINT      NOT NULL PRIMARY KEY,
    survey_id        BIGINT      NOT NULL REFERENCES surveys_survey (id),
    version_id       BIGINT      NOT NULL REFERENCES surveys_version (id),
    contact_id       BIGINT      NOT NULL,
    entry_id         BIGINT,
    operator         VARCHAR(64) NOT NULL,
    state            VARCHAR(12) NOT NULL,
    current_question VARCHAR(40),
    quota_code       VARCHAR(40),
    started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at         TIMESTAMP(6) WITH TIME ZONE,
    version          BIGINT      NOT NULL
);
CREATE INDEX surveys_response_survey_ix ON surveys_response (survey_id, state);
CREATE INDEX surveys_response_contact_ix ON surveys_response (contact_id, survey_id);

CREATE SEQUENCE surveys_answer_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE surveys_answer (
    id            BIGINT        NOT NULL PRIMARY KEY,
    response_id   BIGINT        NOT NULL REFERENCES surveys_response (id),
    question_code VARCHAR(40)   NOT NULL,
    value_text    VARCHAR(4000),
    position      INTEGER       NOT NULL,
    answered_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT surveys_answer_uq UNIQUE (response_id, question_code)
);
