package com.arbdesk.ledger;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The ledger_entries table: insert and sum only; the schema refuses UPDATE and DELETE. */
public final class LedgerDao {

    /** A new entry; its (source, source_ref, entry_type) must be unique, which is what stops double credits. */
    public record NewEntry(long userId, Money amount, String entryType, String source, String sourceRef,
                           Long transactionId, Long actorUserId, String reason) {
    }

    public long insert(Connection c, NewEntry e, Instant now) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO ledger_entries (user_id, asset, amount_minor, entry_type, source, source_ref,
                                            transaction_id, actor_user_id, reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setLong(1, e.userId());
            st.setString(2, e.amount().asset().name());
            st.setLong(3, e.amount().toMinor());
            st.setString(4, e.entryType());
            st.setString(5, e.source());
            st.setString(6, e.sourceRef());
            Jdbc.setNullableLong(st, 7, e.transactionId());
            Jdbc.setNullableLong(st, 8, e.actorUserId());
            st.setString(9, e.reason());
            st.setString(10, now.toString());
        });
    }

    /**
     * The balance from user_balances, which a trigger updates in the same transaction as every ledger insert (V014):
     * one primary-key read instead of a sum over the user's whole history. {@link #ledgerSum} is the check.
     */
    public Money balance(Connection c, long userId, Asset asset) throws SQLException {
        long minor = Jdbc.queryOne(c, """
                SELECT balance_minor FROM user_balances WHERE user_id = ? AND asset = ?
                """, st -> {
            st.setLong(1, userId);
            st.setString(2, asset.name());
        }, rs -> rs.getLong(1)).orElse(0L);
        return Money.ofMinor(asset, minor);
    }

    /**
     * The balance, read by a transaction that decides on it (an adjustment refusing a negative result): on PostgreSQL
     * the user's balance row stays locked until commit, so two concurrent debits cannot both pass the check.
     */
    public Money balanceForUpdate(Connection c, long userId, Asset asset) throws SQLException {
        long minor = Jdbc.queryOne(c, """
                SELECT b.balance_minor FROM user_balances b WHERE b.user_id = ? AND b.asset = ?
                """ + Dialect.of(c).forUpdate("b"), st -> {
            st.setLong(1, userId);
            st.setString(2, asset.name());
        }, rs -> rs.getLong(1)).orElse(0L);
        return Money.ofMinor(asset, minor);
    }

    /** The balance summed from the ledger itself: what user_balances must always equal. */
    public Money ledgerSum(Connection c, long userId, Asset asset) throws SQLException {
        long minor = Jdbc.queryOne(c, """
                SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE user_id = ? AND asset = ?
                """, st -> {
            st.setLong(1, userId);
            st.setString(2, asset.name());
        }, rs -> rs.getLong(1)).orElse(0L);
        return Money.ofMinor(asset, minor);
    }

    /** USD balances of several users in one query; users without entries are absent from the map. */
    public java.util.Map<Long, Money> balances(Connection c, List<Long> userIds, Asset asset) throws SQLException {
        java.util.Map<Long, Money> out = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        Jdbc.query(c, "SELECT user_id, balance_minor FROM user_balances WHERE asset = ? AND user_id IN (" + marks
                + ")", st -> {
            st.setString(1, asset.name());
            for (int i = 0; i < userIds.size(); i++) {
                st.setLong(i + 2, userIds.get(i));
            }
        }, rs -> out.put(rs.getLong(1), Money.ofMinor(asset, rs.getLong(2))));
        return out;
    }

    /** Every entry a transaction wrote (a deposit's credits, an adjustment), oldest first. */
    public List<LedgerEntry> forTransaction(Connection c, long transactionId) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, user_id, asset, amount_minor, entry_type, source, source_ref, transaction_id,
                       actor_user_id, reason, created_at
                FROM ledger_entries WHERE transaction_id = ? ORDER BY id
                """, st -> st.setLong(1, transactionId), LedgerDao::map);
    }

    public List<LedgerEntry> forUser(Connection c, long userId, int limit) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, user_id, asset, amount_minor, entry_type, source, source_ref, transaction_id,
                       actor_user_id, reason, created_at
                FROM ledger_entries WHERE user_id = ? ORDER BY id DESC LIMIT ?
                """, st -> {
            st.setLong(1, userId);
            st.setInt(2, limit);
        }, LedgerDao::map);
    }

    private static LedgerEntry map(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("user_id"),
                Money.ofMinor(Asset.valueOf(rs.getString("asset")), rs.getLong("amount_minor")),
                rs.getString("entry_type"), rs.getString("source"), rs.getString("source_ref"),
                Jdbc.nullableLong(rs, "transaction_id"), Jdbc.nullableLong(rs, "actor_user_id"),
                rs.getString("reason"), StoredInstants.parse(rs.getString("created_at")));
    }

}
