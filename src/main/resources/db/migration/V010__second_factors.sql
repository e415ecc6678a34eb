-- Second factor (TOTP, RFC 6238). One row per user who has started an enrolment; confirmed_at is set
-- once a code from the app was accepted, and only then does login ask for a code. last_used_step is
-- the 30-second step of the last accepted code: a code of that step or an earlier one never works
-- again. The secret is base32 text; it is shown only while the enrolment is unconfirmed, never logged
-- or returned afterwards (protect the database file and its backups accordingly).
CREATE TABLE second_factors (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id),
    secret_base32  TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    confirmed_at   TEXT,
    last_used_step INTEGER NOT NULL DEFAULT 0
);

-- One-time recovery codes, given out once at enrolment: only their SHA-256 is kept (they are random,
-- 50 bits each, so a plain hash is enough); used_at marks one spent.
CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    user_id   INTEGER NOT NULL REFERENCES users (id),
    code_hash TEXT    NOT NULL,
    used_at   TEXT,
    UNIQUE (user_id, code_hash)
);
