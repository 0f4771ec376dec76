-- Outbound work: each campaign's call list and its rules, and callbacks that are never lost.

-- The outbound rules of a campaign (defaults where a campaign has no row).
CREATE TABLE calls_outbound_rules (
    campaign_id            BIGINT        NOT NULL PRIMARY KEY REFERENCES core_campaign (id),
    script                 VARCHAR(20000),
    max_attempts           INTEGER       NOT NULL,
    retry_no_answer_minutes INTEGER      NOT NULL,
    retry_busy_minutes     INTEGER       NOT NULL,
    window_start           TIME          NOT NULL,
    window_end             TIME          NOT NULL,
    needs_consent          BOOLEAN       NOT NULL,
    lock_minutes           INTEGER       NOT NULL,
    callback_grace_minutes INTEGER       NOT NULL,
    version                BIGINT        NOT NULL
);

-- One number of one contact on a campaign's list, with where it stands.
CREATE SEQUENCE calls_list_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_list_entry (
    id            BIGINT       NOT NULL PRIMARY KEY,
    campaign_id   BIGINT       NOT NULL REFERENCES core_campaign (id),
    contact_id    BIGINT       NOT NULL,
    number        VARCHAR(20)  NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    attempts      INTEGER      NOT NULL,
    last_outcome  VARCHAR(20),
    last_call_at  TIMESTAMP(6) WITH TIME ZONE,
    last_call_id  BIGINT,
    next_try_at   TIMESTAMP(6) WITH TIME ZONE,
    done          BOOLEAN      NOT NULL,
    locked_by     VARCHAR(64),
    locked_until  TIMESTAMP(6) WITH TIME ZONE,
    source        VARCHAR(100) NOT NULL,
    added_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT calls_list_entry_uq UNIQUE (campaign_id, contact_id, number)
);
CREATE INDEX calls_list_entry_queue_ix ON calls_list_entry (campaign_id, done, next_try_at);
-- the queue asks which zones of a campaign's open entries are inside their calling window now
CREATE INDEX calls_list_entry_zone_ix ON calls_list_entry (campaign_id, done, time_zone);
CREATE INDEX calls_list_entry_lock_ix ON calls_list_entry (locked_by, locked_until);
CREATE INDEX calls_list_entry_contact_ix ON calls_list_entry (contact_id);

-- A promised call back: due at an instant (entered in the contact's local time), owned by an operator or the pool;
-- from escalate_at (due + the campaign's grace period) an owned one not yet taken is the pool's, and overdue.
CREATE SEQUENCE calls_callback_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_callback (
    id            BIGINT       NOT NULL PRIMARY KEY,
    entry_id      BIGINT       NOT NULL REFERENCES calls_list_entry (id),
    campaign_id   BIGINT       NOT NULL REFERENCES core_campaign (id),
    contact_id    BIGINT       NOT NULL,
    number        VARCHAR(20)  NOT NULL,
    due_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    escalate_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    owner         VARCHAR(64),
    note          VARCHAR(2000),
    state         VARCHAR(10)  NOT NULL,
    cancel_reason VARCHAR(500),
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    closed_by     VARCHAR(64),
    closed_at     TIMESTAMP(6) WITH TIME ZONE,
    version       BIGINT       NOT NULL
);
CREATE INDEX calls_callback_due_ix ON calls_callback (state, due_at);
CREATE INDEX calls_callback_escalate_ix ON calls_callback (state, escalate_at);
CREATE INDEX calls_callback_owner_ix ON calls_callback (owner, state, due_at);
CREATE INDEX calls_callback_entry_ix ON calls_callback (entry_id, state);
