-- Deposits live in the transactions table beside adjustments. Provider amounts are kept as exact
-- decimal TEXT; what the deposit has credited so far is INTEGER cents, always equal to the sum of its
-- ledger entries.
ALTER TABLE transactions ADD COLUMN mode TEXT;
ALTER TABLE transactions ADD COLUMN crypto_currency TEXT;
ALTER TABLE transactions ADD COLUMN network TEXT;
ALTER TABLE transactions ADD COLUMN pay_currency TEXT;
ALTER TABLE transactions ADD COLUMN pay_amount_text TEXT;
ALTER TABLE transactions ADD COLUMN actually_paid_text TEXT;
ALTER TABLE transactions ADD COLUMN credited_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE transactions ADD COLUMN payment_provider TEXT;
ALTER TABLE transactions ADD COLUMN payment_id TEXT;
ALTER TABLE transactions ADD COLUMN order_id TEXT;
ALTER TABLE transactions ADD COLUMN invoice_id TEXT;
ALTER TABLE transactions ADD COLUMN invoice_url TEXT;
ALTER TABLE transactions ADD COLUMN pay_address TEXT;
ALTER TABLE transactions ADD COLUMN expires_at TEXT;
ALTER TABLE transactions ADD COLUMN provider_status TEXT;
ALTER TABLE transactions ADD COLUMN flags TEXT NOT NULL DEFAULT '';
ALTER TABLE transactions ADD COLUMN failure_reason TEXT;
ALTER TABLE transactions ADD COLUMN parent_transaction_id INTEGER REFERENCES transactions (id);
ALTER TABLE transactions ADD COLUMN provider_response TEXT;

CREATE UNIQUE INDEX transactions_provider_payment ON transactions (payment_provider, payment_id) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX transactions_order ON transactions (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX transactions_invoice ON transactions (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX transactions_open_deposits ON transactions (type, status, created_at);

-- Every IPN as received, valid or not: the audit trail and the replay source.
CREATE TABLE ipn_events (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at    TEXT NOT NULL,
    remote_address TEXT,
    signature      TEXT,
    body           TEXT NOT NULL,
    payment_id     TEXT,
    provider_status TEXT,
    verdict        TEXT NOT NULL,
    detail         TEXT,
    transaction_id INTEGER REFERENCES transactions (id)
);
CREATE INDEX ipn_events_received ON ipn_events (received_at DESC);
CREATE INDEX ipn_events_transaction ON ipn_events (transaction_id);

-- The status timeline of each deposit and what moved it.
CREATE TABLE deposit_events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    transaction_id   INTEGER NOT NULL REFERENCES transactions (id),
    at               TEXT NOT NULL,
    from_status      TEXT,
    to_status        TEXT NOT NULL,
    provider_status  TEXT,
    source           TEXT NOT NULL,
    credited_minor   INTEGER NOT NULL DEFAULT 0,
    note             TEXT,
    ipn_event_id     INTEGER REFERENCES ipn_events (id)
);
CREATE INDEX deposit_events_transaction ON deposit_events (transaction_id, id);
