-- PostgreSQL form of db/migration/V005: the time functions of PostgreSQL in the start-up UPDATEs.
-- The reconciler's per-deposit schedule. Each deposit the provider could still report on carries its
-- own next check (epoch milliseconds, so the index orders it exactly) and its place on the backoff
-- ladder; a pass takes the most overdue first and always writes the next one, so no group of
-- deposits can starve another. watch_until is where the watch window ends (the payment's
-- valid_until plus a grace period, or a few days for a partial payment); after it the deposit is
-- no longer polled and unwatched_at says since when.
ALTER TABLE transactions ADD COLUMN valid_until TEXT;
ALTER TABLE transactions ADD COLUMN next_check_at_ms BIGINT;
ALTER TABLE transactions ADD COLUMN check_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE transactions ADD COLUMN last_checked_at TEXT;
ALTER TABLE transactions ADD COLUMN watch_until TEXT;
ALTER TABLE transactions ADD COLUMN unwatched_at TEXT;

CREATE INDEX transactions_next_check ON transactions (next_check_at_ms) WHERE next_check_at_ms IS NOT NULL;
CREATE INDEX transactions_unwatched ON transactions (unwatched_at) WHERE unwatched_at IS NOT NULL;

-- Deposits of the last 8 days that the provider may still report on are checked soon after the
-- upgrade; older unsettled ones are shown as no longer watched (an admin can check them again).
UPDATE transactions SET next_check_at_ms = CAST(EXTRACT(EPOCH FROM now()) AS BIGINT) * 1000
WHERE type = 'deposit' AND status IN ('pending', 'confirming', 'partially_paid', 'expired', 'failed', 'completed')
  AND (payment_id IS NOT NULL OR invoice_id IS NOT NULL)
  AND created_at >= to_char((now() - INTERVAL '8 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
UPDATE transactions SET unwatched_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
WHERE type = 'deposit' AND status IN ('pending', 'confirming', 'partially_paid', 'expired')
  AND (payment_id IS NOT NULL OR invoice_id IS NOT NULL)
  AND created_at < to_char((now() - INTERVAL '8 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
