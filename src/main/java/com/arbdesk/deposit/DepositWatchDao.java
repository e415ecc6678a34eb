package com.arbdesk.deposit;

import com.arbdesk.core.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The reconciler's schedule columns of the deposit rows: what is due, the next check, and the figures for the health panel. */
public final class DepositWatchDao {

    /** Ids of the deposits whose check is due at {@code at}, the most overdue first. */
    public List<Long> due(Connection c, Instant at, int limit) throws SQLException {
        return Jdbc.query(c, """
                SELECT id FROM transactions
                WHERE next_check_at_ms IS NOT NULL AND next_check_at_ms <= ?
                ORDER BY next_check_at_ms, id LIMIT ?
                """, st -> {
            st.setLong(1, at.toEpochMilli());
            st.setInt(2, limit);
        }, rs -> rs.getLong("id"));
    }

    /** Writes a schedule; {@code checkedAt} null keeps the last check time. Only inside the transaction that re-read the row. */
    public void write(Connection c, long id, ReconcileSchedule.Plan plan, Instant checkedAt) throws SQLException {
        Jdbc.update(c, """
                UPDATE transactions SET next_check_at_ms = ?, check_step = ?, watch_until = ?,
                       unwatched_at = ?, last_checked_at = COALESCE(?, last_checked_at)
                WHERE id = ? AND type = 'deposit'
                """, st -> {
            Jdbc.setNullableLong(st, 1, plan.nextCheckAt() == null ? null : plan.nextCheckAt().toEpochMilli());
            st.setInt(2, plan.step());
            st.setString(3, DepositDao.text(plan.watchUntil()));
            st.setString(4, DepositDao.text(plan.unwatchedAt()));
            st.setString(5, DepositDao.text(checkedAt));
            st.setLong(6, id);
        });
    }

    /** The most overdue check: the reconciler's lag is how far it lies in the past. */
    public Optional<Instant> earliestCheck(Connection c) throws SQLException {
        return Jdbc.queryOne(c, """
                SELECT next_check_at_ms FROM transactions WHERE next_check_at_ms IS NOT NULL
                ORDER BY next_check_at_ms LIMIT 1
                """, st -> { }, rs -> Instant.ofEpochMilli(rs.getLong(1)));
    }

    public long countWatched(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM transactions WHERE next_check_at_ms IS NOT NULL");
    }

    /** Deposits whose watch window ended while they were not settled. */
    public long countUnwatched(Connection c) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM transactions WHERE unwatched_at IS NOT NULL AND type = 'deposit'");
    }

    /** Deposits still waiting for the provider (a status that is not {@link DepositStatus#isFinal() final}) and older than the cutoff. */
    public long countOpenOlderThan(Connection c, Instant cutoff) throws SQLException {
        List<String> open = openStatuses();
        return Jdbc.queryOne(c, """
                SELECT COUNT(*) FROM transactions
                WHERE type = 'deposit' AND status IN (%s) AND created_at <= ?
                  AND (payment_id IS NOT NULL OR invoice_id IS NOT NULL)
                """.formatted(String.join(", ", Collections.nCopies(open.size(), "?"))), st -> {
            for (int i = 0; i < open.size(); i++) {
                st.setString(i + 1, open.get(i));
            }
            st.setString(open.size() + 1, cutoff.toString());
        }, rs -> rs.getLong(1)).orElse(0L);
    }

    /** The wire forms of the statuses that are not final, bound as the IN list above (only placeholders are formatted in). */
    static List<String> openStatuses() {
        return Arrays.stream(DepositStatus.values()).filter(s -> !s.isFinal()).map(DepositStatus::wire).toList();
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Jdbc.queryOne(c, sql, st -> { }, rs -> rs.getLong(1)).orElse(0L);
    }
}
