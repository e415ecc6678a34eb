package com.arbdesk.arbitrage;

import com.arbdesk.core.db.Jdbc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The arbitrage_episodes table: ended episodes of the opportunity log, by route. */
public final class EpisodeDao {
    /** Inserts the episodes in one batch; routeIds names each episode's route. */
    public void add(Connection c, List<Episode> episodes, Map<Route, Long> routeIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO arbitrage_episodes (route_id, started_at_ms, ended_at_ms, peak_net_ppm) VALUES (?, ?, ?, ?)
                """)) {
            for (Episode e : episodes) {
                st.setLong(1, routeIds.get(e.route()));
                st.setLong(2, e.start().toEpochMilli());
                st.setLong(3, e.end().toEpochMilli());
                st.setLong(4, SpreadHistory.ppm(e.peakNetPct()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Episodes that ended at or after fromMs, newest start first. */
    public List<Episode> endedSince(Connection c, long fromMs) throws SQLException {
        return Jdbc.query(c, """
                SELECT r.pair, r.buy_exchange, r.sell_exchange, r.size_usd_text, e.started_at_ms, e.ended_at_ms, e.peak_net_ppm
                FROM arbitrage_episodes e
                JOIN arbitrage_routes r ON r.id = e.route_id
                WHERE e.ended_at_ms >= ?
                ORDER BY e.started_at_ms DESC, e.id DESC
                """, st -> st.setLong(1, fromMs), rs -> new Episode(
                new Route(rs.getString("pair"), rs.getString("buy_exchange"), rs.getString("sell_exchange"),
                        new BigDecimal(rs.getString("size_usd_text"))),
                Instant.ofEpochMilli(rs.getLong("started_at_ms")), Instant.ofEpochMilli(rs.getLong("ended_at_ms")),
                SpreadHistory.pct(rs.getLong("peak_net_ppm"))));
    }

    public int deleteEndedBefore(Connection c, long beforeMs) throws SQLException {
        return Jdbc.update(c, "DELETE FROM arbitrage_episodes WHERE ended_at_ms < ?", st -> st.setLong(1, beforeMs));
    }
}
