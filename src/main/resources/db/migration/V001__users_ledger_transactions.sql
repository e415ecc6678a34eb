-- Users, the append-only USD ledger, the user-visible transactions list, and the admin audit trail.
-- Money is INTEGER minor units (cents for USD): SQLite stores DECIMAL as a float.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT    NOT NULL
);

CREATE TABLE transactions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id),
    type             TEXT    NOT NULL CHECK (type IN ('deposit', 'adjustment')),
    amount_usd_minor INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    reference        TEXT,
    description      TEXT,
    created_by       INTEGER REFERENCES users (id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX transactions_user_created ON transactions (user_id, created_at DESC, id DESC);
CREATE INDEX transactions_created ON transactions (created_at DESC, id DESC);

CREATE TABLE ledger_entries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id        INTEGER NOT NULL REFERENCES users (id),
    asset          TEXT    NOT NULL DEFAULT 'USD',
    amount_minor   INTEGER NOT NULL CHECK (amount_minor <> 0),
    entry_type     TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    source_ref     TEXT    NOT NULL,
    transaction_id INTEGER REFERENCES transactions (id),
    actor_user_id  INTEGER REFERENCES users (id),
    reason         TEXT,
    created_at     TEXT    NOT NULL,
    -- the guard that makes a double credit impossible, whatever races happen
    UNIQUE (source, source_ref, entry_type)
);
CREATE INDEX ledger_entries_user ON ledger_entries (user_id, asset);

-- Corrections are reversing entries, never edits.
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_user_id INTEGER REFERENCES users (id),
    action        TEXT    NOT NULL,
    target_type   TEXT    NOT NULL,
    target_id     TEXT    NOT NULL,
    details       TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
