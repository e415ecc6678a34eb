package com.arbdesk.alerts;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The alert_firings table. */
public final class AlertFiringDao {
    public long insert(Connection c, AlertMatcher.Fire f, Instant now) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO alert_firings (user_id, rule_id, pair, buy_exchange, sell_exchange, size_usd_text, net_pct_text,
                    min_net_pct_text, held_seconds, fired_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, st -> {
                    st.setLong(1, f.rule().userId());
                    st.setLong(2, f.rule().id());
                    st.setString(3, f.opportunity().pair());
                    st.setString(4, f.opportunity().buyExchange());
                    st.setString(5, f.opportunity().sellExchange());
                    st.setString(6, f.rule().sizeUsd().toPlainString());
                    st.setString(7, f.netPct().toPlainString());
                    st.setString(8, f.rule().minNetPct().toPlainString());
                    st.setLong(9, f.held().toSeconds());
                    st.setString(10, now.toString());
                });
    }

    public List<AlertFiring> recent(Connection c, long userId, int limit) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, user_id, rule_id, pair, buy_exchange, sell_exchange, size_usd_text, net_pct_text, min_net_pct_text,
                    held_seconds, fired_at, seen_at
                FROM alert_firings WHERE user_id = ? ORDER BY id DESC LIMIT ?
                """, st -> { st.setLong(1, userId); st.setInt(2, limit); }, AlertFiringDao::row);
    }

    public long unread(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM alert_firings WHERE user_id = ? AND seen_at IS NULL",
                st -> st.setLong(1, userId), rs -> rs.getLong(1)).orElse(0L);
    }

    public int markSeen(Connection c, long userId, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE alert_firings SET seen_at = ? WHERE user_id = ? AND seen_at IS NULL",
                st -> { st.setString(1, now.toString()); st.setLong(2, userId); });
    }

    /** Deletes firings before the cut; deliveries that remain keep their body but lose the link. */
    public int pruneBefore(Connection c, Instant cut) throws SQLException {
        Jdbc.update(c, "UPDATE webhook_deliveries SET firing_id = NULL WHERE firing_id IN (SELECT id FROM alert_firings WHERE fired_at < ?)",
                st -> st.setString(1, cut.toString()));
        return Jdbc.update(c, "DELETE FROM alert_firings WHERE fired_at < ?", st -> st.setString(1, cut.toString()));
    }

    private static AlertFiring row(ResultSet rs) throws SQLException {
        String seen = rs.getString("seen_at");
        return new AlertFiring(rs.getLong("id"), rs.getLong("user_id"), Jdbc.nullableLong(rs, "rule_id"), rs.getString("pair"),
                rs.getString("buy_exchange"), rs.getString("sell_exchange"), new BigDecimal(rs.getString("size_usd_text")),
                new BigDecimal(rs.getString("net_pct_text")), new BigDecimal(rs.getString("min_net_pct_text")),
                rs.getLong("held_seconds"), StoredInstants.parse(rs.getString("fired_at")), seen == null ? null : Instant.parse(seen));
    }
}
