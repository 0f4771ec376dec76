-- Mail outbox: e-mails the modules queue in their own transactions, delivered later by the sender.
-- Bodies are VARCHAR with the API's limit (H2 and PostgreSQL both report VARCHAR, as the mapping of a String
-- expects); attachment bytes are BYTEA (H2 reads it as BINARY VARYING), what Hibernate maps a plain byte[] to.
CREATE SEQUENCE core_mail_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_mail (
    id              BIGINT           NOT NULL PRIMARY KEY,
    recipients      VARCHAR(4000)    NOT NULL,
    subject         VARCHAR(500)     NOT NULL,
    text_body       VARCHAR(1000000) NOT NULL,
    html_body       VARCHAR(1000000),
    category        VARCHAR(40),
    state           VARCHAR(10)      NOT NULL,
    attempts        INTEGER          NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP(6) WITH TIME ZONE,
    version         BIGINT           NOT NULL
);
-- the sender's question every few seconds: what is due now
CREATE INDEX core_mail_due_ix ON core_mail (state, next_attempt_at);
CREATE INDEX core_mail_created_ix ON core_mail (created_at);

CREATE SEQUENCE core_mail_attachment_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE core_mail_attachment (
    id           BIGINT       NOT NULL PRIMARY KEY,
    mail_id      BIGINT       NOT NULL REFERENCES core_mail (id),
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    content      BYTEA        NOT NULL
);
CREATE INDEX core_mail_attachment_mail_ix ON core_mail_attachment (mail_id);
