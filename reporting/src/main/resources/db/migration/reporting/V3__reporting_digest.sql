-- Which client got the digest of which day: the primary key makes a digest go out once per client and day,
-- whichever timer, restart or server gets there first.
CREATE TABLE reporting_digest (
    client_id BIGINT NOT NULL REFERENCES core_client (id),
    work_day  DATE   NOT NULL,
    queued_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    mail_id   BIGINT,
    PRIMARY KEY (client_id, work_day)
);
