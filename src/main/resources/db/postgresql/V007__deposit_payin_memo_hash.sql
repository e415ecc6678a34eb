-- PostgreSQL form of db/migration/V007: the same SQL.
-- What the payer must include and what the payer sent: payin_extra_id is the memo / destination tag a
-- memo coin (XRP, XLM, EOS, BNB) needs with the address, or the deposit cannot be matched;
-- payin_hash is the payer's transaction once the provider saw it, for a block-explorer link.
ALTER TABLE transactions ADD COLUMN payin_extra_id TEXT;
ALTER TABLE transactions ADD COLUMN payin_hash TEXT;
