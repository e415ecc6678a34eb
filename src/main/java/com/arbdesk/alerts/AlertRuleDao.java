package com.arbdesk.alerts;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The alert_rules table. */
public final class AlertRuleDao {
    private static final String COLUMNS = """
            id, user_id, pair, buy_exchange, sell_exchange, size_usd_text, min_net_pct_text, min_duration_seconds, enabled,
            created_at, updated_at""";

    /** What a create or an update writes. */
    public record Fields(String pair, String buyExchange, String sellExchange, BigDecimal sizeUsd, BigDecimal minNetPct,
                         Duration minDuration, boolean enabled) {
    }

    public List<AlertRule> byUser(Connection c, long userId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert_rules WHERE user_id = ? ORDER BY id",
                st -> st.setLong(1, userId), AlertRuleDao::row);
    }

    public List<AlertRule> enabled(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert_rules WHERE enabled = 1 ORDER BY id", st -> { }, AlertRuleDao::row);
    }

    /** The rule when it is this user's: another user's rule is as absent as a missing one. */
    public Optional<AlertRule> find(Connection c, long userId, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM alert_rules WHERE id = ? AND user_id = ?",
                st -> { st.setLong(1, id); st.setLong(2, userId); }, AlertRuleDao::row);
    }

    public long count(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM alert_rules WHERE user_id = ?", st -> st.setLong(1, userId),
                rs -> rs.getLong(1)).orElse(0L);
    }

    public long insert(Connection c, long userId, Fields f, Instant now) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO alert_rules (user_id, pair, buy_exchange, sell_exchange, size_usd_text, min_net_pct_text,
                    min_duration_seconds, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, st -> {
                    st.setLong(1, userId);
                    bind(st, 2, f);
                    st.setString(9, now.toString());
                    st.setString(10, now.toString());
                });
    }

    public boolean update(Connection c, long userId, long id, Fields f, Instant now) throws SQLException {
        return Jdbc.update(c, """
                UPDATE alert_rules SET pair = ?, buy_exchange = ?, sell_exchange = ?, size_usd_text = ?, min_net_pct_text = ?,
                    min_duration_seconds = ?, enabled = ?, updated_at = ?
                WHERE id = ? AND user_id = ?
                """, st -> {
                    bind(st, 1, f);
                    st.setString(8, now.toString());
                    st.setLong(9, id);
                    st.setLong(10, userId);
                }) == 1;
    }

    public boolean delete(Connection c, long userId, long id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM alert_rules WHERE id = ? AND user_id = ?",
                st -> { st.setLong(1, id); st.setLong(2, userId); }) == 1;
    }

    private static void bind(PreparedStatement st, int from, Fields f) throws SQLException {
        st.setString(from, f.pair());
        st.setString(from + 1, f.buyExchange());
        st.setString(from + 2, f.sellExchange());
        st.setString(from + 3, f.sizeUsd().toPlainString());
        st.setString(from + 4, f.minNetPct().toPlainString());
        st.setLong(from + 5, f.minDuration().toSeconds());
        st.setInt(from + 6, f.enabled() ? 1 : 0);
    }

    private static AlertRule row(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getLong("id"), rs.getLong("user_id"), rs.getString("pair"), rs.getString("buy_exchange"),
                rs.getString("sell_exchange"), new BigDecimal(rs.getString("size_usd_text")),
                new BigDecimal(rs.getString("min_net_pct_text")), Duration.ofSeconds(rs.getLong("min_duration_seconds")),
                rs.getInt("enabled") == 1, StoredInstants.parse(rs.getString("created_at")), StoredInstants.parse(rs.getString("updated_at")));
    }
}
