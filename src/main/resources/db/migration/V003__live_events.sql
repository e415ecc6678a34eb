-- Events pushed over WebSockets, kept for a while so a client that reconnects can catch up.
-- One stream per user (admins' back-office events are written to each admin's stream); seq
-- increases per user.
CREATE TABLE live_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    seq        INTEGER NOT NULL,
    event      TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (user_id, seq)
);
CREATE INDEX live_events_created ON live_events (created_at);
