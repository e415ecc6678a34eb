-- PostgreSQL form of db/migration/V014: per-user running totals for the dashboard, kept by triggers in the same
-- transaction as the row that changes them. The triggers are plpgsql functions; the upserts are the same
-- ON CONFLICT forms (concurrency-safe in PostgreSQL: two instances crediting one user serialise on the total's row).
CREATE TABLE user_balances (
    user_id       BIGINT NOT NULL REFERENCES users (id),
    asset         TEXT   NOT NULL,
    balance_minor BIGINT NOT NULL,
    PRIMARY KEY (user_id, asset)
);

CREATE TABLE user_transaction_counts (
    user_id           BIGINT NOT NULL PRIMARY KEY REFERENCES users (id),
    transaction_count BIGINT NOT NULL
);

INSERT INTO user_balances (user_id, asset, balance_minor)
SELECT user_id, asset, SUM(amount_minor) FROM ledger_entries GROUP BY user_id, asset;

INSERT INTO user_transaction_counts (user_id, transaction_count)
SELECT user_id, COUNT(*) FROM transactions GROUP BY user_id;

CREATE FUNCTION ledger_entries_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO user_balances (user_id, asset, balance_minor) VALUES (NEW.user_id, NEW.asset, NEW.amount_minor)
    ON CONFLICT (user_id, asset) DO UPDATE SET balance_minor = user_balances.balance_minor + excluded.balance_minor;
    RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_balance();

CREATE FUNCTION transactions_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE user_transaction_counts SET transaction_count = transaction_count - 1 WHERE user_id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO user_transaction_counts (user_id, transaction_count) VALUES (NEW.user_id, 1)
        ON CONFLICT (user_id) DO UPDATE SET transaction_count = user_transaction_counts.transaction_count + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER transactions_count_insert AFTER INSERT ON transactions
    FOR EACH ROW EXECUTE FUNCTION transactions_count();
CREATE TRIGGER transactions_count_delete AFTER DELETE ON transactions
    FOR EACH ROW EXECUTE FUNCTION transactions_count();
CREATE TRIGGER transactions_count_move AFTER UPDATE OF user_id ON transactions
    FOR EACH ROW WHEN (OLD.user_id <> NEW.user_id) EXECUTE FUNCTION transactions_count();
