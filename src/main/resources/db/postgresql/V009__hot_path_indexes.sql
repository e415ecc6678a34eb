-- PostgreSQL form of db/migration/V009: the same SQL.
-- Indexes for the queries on the hot paths (issue #13), each checked by HotQueryPlanTest with EXPLAIN QUERY PLAN:
-- none of them may scan a table or sort its rows, so their cost stays flat from 1k to 100k deposits.
-- A deposit's ledger entries (LedgerDao.forTransaction), in entry order.
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id, id);
-- A user's latest ledger entries (LedgerDao.forUser: ORDER BY id DESC LIMIT n).
CREATE INDEX ledger_entries_user_recent ON ledger_entries (user_id, id);
-- The IPN log filtered by verdict, newest first (IpnEventDao.recent), and the trim of sampled refused IPNs.
CREATE INDEX ipn_events_verdict ON ipn_events (verdict, id);
-- The admin accounts for the live fan-out (UserDao.adminIds) without reading every user.
CREATE INDEX users_role ON users (role, disabled, id);
-- The back office's deposit list (DepositDao.list without a user): deposits newest first, walked in order.
CREATE INDEX transactions_type_created ON transactions (type, created_at DESC, id DESC);
-- Deposits no longer watched, most recently dropped first (DepositDao.unwatched), walked in order.
CREATE INDEX transactions_type_unwatched ON transactions (type, unwatched_at DESC, id DESC) WHERE unwatched_at IS NOT NULL;
-- The foreign key deposit_events.ipn_event_id: deleting a sampled refused IPN (IpnEventDao.trim) checks it by index.
CREATE INDEX deposit_events_ipn ON deposit_events (ipn_event_id);
