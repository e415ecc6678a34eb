-- PostgreSQL form of db/migration/V006: the same SQL.
-- The provider's USD figure for what a deposit received (its actually_paid_at_fiat, or its estimate
-- for the amount received when it reports none), exact decimal text. Late payments, payments after a
-- failure and re-deposits are credited by it rather than by a quote from days before.
ALTER TABLE transactions ADD COLUMN actually_paid_fiat_text TEXT;
