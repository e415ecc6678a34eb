-- PostgreSQL form of db/migration/V008: the database refuses a deposit flag it does not know. PostgreSQL can add a
-- CHECK to an existing table, so the two SQLite triggers are one constraint on the column with the same expression:
-- wrap the column in commas and replace each known ",word," by a single comma; only known words leave ",".
-- The list must equal DepositFlag.values() (DepositFlagColumnTest reads the SQLite file; MigrationDialectsTest checks
-- this one names the same words). Adding a flag takes a new migration in both folders.
ALTER TABLE transactions ADD CONSTRAINT transactions_known_flags CHECK (flags = '' OR REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(',' || flags || ','
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
    = ',');
