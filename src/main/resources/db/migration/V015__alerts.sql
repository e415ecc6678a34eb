-- Alerts (issue 16). Portable SQL: INTEGER ids, TEXT ISO-8601 timestamps, decimals as TEXT, flags as 0/1.
-- A rule: "net spread >= min_net_pct_text at size_usd_text on pair (NULL: any) buying on buy_exchange and
-- selling on sell_exchange (NULL: any) for at least min_duration_seconds"; enabled 1 or 0.
CREATE TABLE alert_rules (
    id                   INTEGER PRIMARY KEY,
    user_id              INTEGER NOT NULL REFERENCES users (id),
    pair                 TEXT,
    buy_exchange         TEXT,
    sell_exchange        TEXT,
    size_usd_text        TEXT    NOT NULL,
    min_net_pct_text     TEXT    NOT NULL,
    min_duration_seconds INTEGER NOT NULL,
    enabled              INTEGER NOT NULL,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL
);
CREATE INDEX alert_rules_by_user ON alert_rules (user_id, id);
-- every poll reads the enabled rules
CREATE INDEX alert_rules_enabled ON alert_rules (id) WHERE enabled = 1;

-- Each time a rule fired, with what it saw; rule_id is cleared when the rule is deleted, the firing stays.
-- seen_at is set when the user looked at the alerts page (the unread badge counts the NULLs).
CREATE TABLE alert_firings (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    rule_id         INTEGER REFERENCES alert_rules (id) ON DELETE SET NULL,
    pair            TEXT    NOT NULL,
    buy_exchange    TEXT    NOT NULL,
    sell_exchange   TEXT    NOT NULL,
    size_usd_text   TEXT    NOT NULL,
    net_pct_text    TEXT    NOT NULL,
    min_net_pct_text TEXT   NOT NULL,
    held_seconds    INTEGER NOT NULL,
    fired_at        TEXT    NOT NULL,
    seen_at         TEXT
);
CREATE INDEX alert_firings_by_user ON alert_firings (user_id, id);
-- every page counts the user's unread firings (the header badge)
CREATE INDEX alert_firings_unread ON alert_firings (user_id) WHERE seen_at IS NULL;

-- One webhook per user: where firings are posted and the HMAC-SHA256 key that signs them. The secret is
-- random, shown to its owner on request, never logged; protect the database file and its backups.
CREATE TABLE alert_webhooks (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id),
    url        TEXT,
    secret     TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- One POST of one firing (or a redelivery of an earlier one) to the user's webhook, with its retry state:
-- status pending (due at next_attempt_at_ms, epoch milliseconds as the reconciler schedules), delivered or failed (attempts used up). The body is stored as sent.
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    user_id          INTEGER NOT NULL REFERENCES users (id),
    firing_id        INTEGER REFERENCES alert_firings (id),
    redelivery_of    INTEGER REFERENCES webhook_deliveries (id),
    delivery_uid     TEXT    NOT NULL UNIQUE,
    url              TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at_ms INTEGER,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at_ms) WHERE next_attempt_at_ms IS NOT NULL;
CREATE INDEX webhook_deliveries_by_user ON webhook_deliveries (user_id, id);

-- Every attempt of a delivery: when, the HTTP status (NULL when none came back) or the error, how long.
CREATE TABLE webhook_attempts (
    id           INTEGER PRIMARY KEY,
    delivery_id  INTEGER NOT NULL REFERENCES webhook_deliveries (id),
    attempt      INTEGER NOT NULL,
    attempted_at TEXT    NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, attempt);
