package com.arbdesk.auth;

import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A {@link RateStore} in the shared database (the rate_limits table, V017), for several instances on one
 * PostgreSQL: each update is one short transaction that locks the key's row, so login throttling, sign-up and
 * socket-token limits count every instance's events together. The instances' clocks are assumed to agree (NTP).
 * Rows whose bucket is full again are deleted now and then by the updates themselves.
 */
public final class SharedRateStore implements RateStore {
    private static final int PRUNE_EVERY = 512;
    private final Tx tx;
    private final Dialect dialect;
    private final String limiter;
    private final AtomicLong updates = new AtomicLong();

    /** {@code limiter} names the limit (one table holds them all). */
    public SharedRateStore(Tx tx, Dialect dialect, String limiter) {
        this.tx = tx;
        this.dialect = dialect;
        this.limiter = limiter;
    }

    @Override
    public void update(String key, long now, UnaryOperator<Long> change) {
        boolean prune = updates.incrementAndGet() % PRUNE_EVERY == 0;
        tx.inTransaction(c -> {
            // the row first, so that the lock below always has a row to hold, even for a key seen the first time; its
            // 0 (a time long past) is a full bucket, exactly what a missing key means to the limiter
            Jdbc.update(c, "INSERT INTO rate_limits (limiter, rate_key, tat) VALUES (?, ?, 0) ON CONFLICT (limiter, rate_key) DO NOTHING",
                    st -> bind(st, key));
            long stored = Jdbc.queryOne(c, "SELECT tat FROM rate_limits WHERE limiter = ? AND rate_key = ?"
                            + dialect.forUpdate("rate_limits"), st -> bind(st, key), rs -> rs.getLong("tat"))
                    .orElse(0L);
            Long next = change.apply(stored == 0 ? null : stored);
            if (next == null) {
                Jdbc.update(c, "DELETE FROM rate_limits WHERE limiter = ? AND rate_key = ?", st -> bind(st, key));
            } else {
                Jdbc.update(c, "UPDATE rate_limits SET tat = ? WHERE limiter = ? AND rate_key = ?", st -> {
                    st.setLong(1, next);
                    st.setString(2, limiter);
                    st.setString(3, key);
                });
            }
            if (prune) {
                Jdbc.update(c, "DELETE FROM rate_limits WHERE limiter = ? AND tat <= ?", st -> {
                    st.setString(1, limiter);
                    st.setLong(2, now);
                });
            }
            return null;
        });
    }

    @Override
    public Long get(String key) {
        long stored = tx.read(c -> Jdbc.queryOne(c, "SELECT tat FROM rate_limits WHERE limiter = ? AND rate_key = ?",
                st -> bind(st, key), rs -> rs.getLong("tat"))).orElse(0L);
        return stored == 0 ? null : stored;
    }

    @Override
    public void remove(String key) {
        tx.inTransaction(c -> Jdbc.update(c, "DELETE FROM rate_limits WHERE limiter = ? AND rate_key = ?", st -> bind(st, key)));
    }

    private void bind(PreparedStatement st, String key) throws SQLException {
        st.setString(1, limiter);
        st.setString(2, key);
    }
}
