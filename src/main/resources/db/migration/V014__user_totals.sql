-- Per-user running totals for the dashboard (issue #13): the USD balance and the transaction count were a SUM over
-- every ledger entry and a COUNT over every transaction of the user on each page view, growing with the history.
-- Triggers keep them in the same transaction as the row that changes them, whatever code path (or SQL) inserts it,
-- so a total can never disagree with its table; ledger_entries stays append-only and remains the source of truth.
CREATE TABLE user_balances (
    user_id       INTEGER NOT NULL REFERENCES users (id),
    asset         TEXT    NOT NULL,
    balance_minor INTEGER NOT NULL,
    PRIMARY KEY (user_id, asset)
) WITHOUT ROWID;

CREATE TABLE user_transaction_counts (
    user_id           INTEGER NOT NULL PRIMARY KEY REFERENCES users (id),
    transaction_count INTEGER NOT NULL
);

INSERT INTO user_balances (user_id, asset, balance_minor)
SELECT user_id, asset, SUM(amount_minor) FROM ledger_entries GROUP BY user_id, asset;

INSERT INTO user_transaction_counts (user_id, transaction_count)
SELECT user_id, COUNT(*) FROM transactions GROUP BY user_id;

CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
BEGIN
    INSERT INTO user_balances (user_id, asset, balance_minor) VALUES (NEW.user_id, NEW.asset, NEW.amount_minor)
    ON CONFLICT (user_id, asset) DO UPDATE SET balance_minor = balance_minor + excluded.balance_minor;
END;

CREATE TRIGGER transactions_count_insert AFTER INSERT ON transactions
BEGIN
    INSERT INTO user_transaction_counts (user_id, transaction_count) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET transaction_count = transaction_count + 1;
END;

CREATE TRIGGER transactions_count_delete AFTER DELETE ON transactions
BEGIN
    UPDATE user_transaction_counts SET transaction_count = transaction_count - 1 WHERE user_id = OLD.user_id;
END;

CREATE TRIGGER transactions_count_move AFTER UPDATE OF user_id ON transactions WHEN OLD.user_id <> NEW.user_id
BEGIN
    UPDATE user_transaction_counts SET transaction_count = transaction_count - 1 WHERE user_id = OLD.user_id;
    INSERT INTO user_transaction_counts (user_id, transaction_count) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET transaction_count = transaction_count + 1;
END;
