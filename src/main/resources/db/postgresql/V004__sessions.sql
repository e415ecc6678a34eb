-- PostgreSQL form of db/migration/V004: BIGINT user id; otherwise the same SQL.
-- Login sessions: every session token names one row (its sid claim) and works only while the row is
-- open, so logout, a password change, "log out everywhere" and disabling an account end tokens at once.
-- Times are ISO-8601 UTC text like the other tables. revoked_reason takes the wire() values of
-- auth/RevokeReason.

CREATE TABLE sessions (
    id             TEXT    PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users (id),
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL,
    revoked_at     TEXT,
    revoked_reason TEXT CHECK (revoked_reason IN ('logout', 'logout_everywhere', 'password_changed', 'user_disabled')),
    user_agent     TEXT,
    client_address TEXT,
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
CREATE INDEX sessions_user_open ON sessions (user_id, revoked_at, expires_at);
