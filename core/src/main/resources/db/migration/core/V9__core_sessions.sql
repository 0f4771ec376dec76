-- Browser sessions live in the database, so that any node of a cluster can check them and a restart keeps them.
-- Only a SHA-256 of the session token is stored: a copy of this table cannot be replayed as a cookie.
CREATE TABLE core_session (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES core_user (id),
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX core_session_user_ix ON core_session (user_id);
CREATE INDEX core_session_seen_ix ON core_session (last_seen_at);

-- A generated or temporary password must be replaced at the first sign-in.
ALTER TABLE core_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

-- How the installation was first seeded: a demo (guessable accounts) or not. One row, written at first start.
CREATE TABLE core_installation (
    id        INTEGER NOT NULL PRIMARY KEY,
    demo      BOOLEAN NOT NULL,
    seeded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
