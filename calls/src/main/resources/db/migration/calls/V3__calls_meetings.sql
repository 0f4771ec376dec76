-- Meetings booked for sales managers (SUPERVISOR users), from a call or by hand.
-- A manager's SCHEDULED meetings never overlap: bookings serialise on the manager's core_user row
-- (SELECT ... FOR UPDATE) before the overlap check, so the rule holds under concurrent requests.
CREATE SEQUENCE calls_meeting_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE calls_meeting (
    id            BIGINT       NOT NULL PRIMARY KEY,
    contact_id    BIGINT       NOT NULL,
    manager       VARCHAR(64)  NOT NULL,
    starts_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    place         VARCHAR(500),
    note          VARCHAR(2000),
    call_id       BIGINT REFERENCES calls_call (id),
    campaign_code VARCHAR(40),
    client_id     BIGINT,
    booked_by     VARCHAR(64)  NOT NULL,
    state         VARCHAR(10)  NOT NULL,
    cancel_reason VARCHAR(500),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT calls_meeting_period_ck CHECK (ends_at > starts_at),
    CONSTRAINT calls_meeting_state_ck CHECK (state IN ('SCHEDULED', 'CANCELLED'))
);
CREATE INDEX calls_meeting_manager_ix ON calls_meeting (manager, starts_at);
CREATE INDEX calls_meeting_contact_ix ON calls_meeting (contact_id);
CREATE INDEX calls_meeting_client_ix ON calls_meeting (client_id, starts_at);
CREATE INDEX calls_meeting_booked_by_ix ON calls_meeting (booked_by, starts_at);
