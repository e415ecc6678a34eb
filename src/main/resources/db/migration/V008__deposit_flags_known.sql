-- The database refuses a deposit flag it does not know. transactions.flags stays what it was, the
-- flags' wire forms comma-separated (DepositFlag.toCsv), so no row, DAO or reader changes; these two
-- triggers check every write of the column. The check: wrap the column in commas and replace each
-- known ",word," by a single comma; only known words leave ",". Anything else (an unknown word, a
-- space, a capital, an empty segment) aborts the statement; '' (no flags) is always accepted.
-- Triggers rather than a CHECK because SQLite cannot add a CHECK to an existing table without
-- rebuilding it, and transactions is the table the ledger and the deposits hang off. REPLACE and ||
-- exist in PostgreSQL too: its dialect can use the same expression as a plain CHECK on the column.
-- Rows written before this migration are not rewritten; the reader already ignores unknown words.
-- The list must equal DepositFlag.values(): DepositFlagColumnTest fails when they differ. Adding a flag
-- takes a new migration that drops both triggers and creates them again with the longer list.
CREATE TRIGGER transactions_known_flags_insert BEFORE INSERT ON transactions
WHEN NEW.flags <> '' AND REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(',' || NEW.flags || ','
    , ',overpaid,', ',')
    , ',late_payment,', ',')
    , ',paid_after_failure,', ',')
    , ',refund_after_credit,', ',')
    , ',refund_due,', ',')
    , ',redeposit,', ',')
    , ',needs_review,', ',')
    , ',nothing_reported,', ',')
    , ',valuation_pending,', ',')
    , ',approved,', ',')
    , ',extra_payment,', ',')
    , ',currency_mismatch,', ',')
    , ',order_mismatch,', ',')
    , ',amount_mismatch,', ',')
    <> ','
BEGIN
    SELECT RAISE(ABORT, 'unknown deposit flag');
END;
CREATE TRIGGER transactions_known_flags_update BEFORE UPDATE OF flags ON transactions
WHEN NEW.flags <> '' AND REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(',' || NEW.flags || ','
    , ',overpaid,', ',')
    , ',late_payment,', ',')
    , ',paid_after_failure,', ',')
    , ',refund_after_credit,', ',')
    , ',refund_due,', ',')
    , ',redeposit,', ',')
    , ',needs_review,', ',')
    , ',nothing_reported,', ',')
    , ',valuation_pending,', ',')
    , ',approved,', ',')
    , ',extra_payment,', ',')
    , ',currency_mismatch,', ',')
    , ',order_mismatch,', ',')
    , ',amount_mismatch,', ',')
    <> ','
BEGIN
    SELECT RAISE(ABORT, 'unknown deposit flag');
END;
