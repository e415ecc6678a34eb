package com.arbdesk.arbitrage;

import com.arbdesk.core.db.Jdbc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The arbitrage_episodes table (ended episodes of the opportunity log, by route) and arbitrage_open_episodes (the
 * ones still going on, with when they were last seen).
 */
public final class EpisodeDao {
    /** An episode still going on as stored, with the last poll that saw it profitable. */
    public record OpenRow(Episode episode, Instant lastSeen) {
    }

    /** Writes (or rewrites) the row of every ongoing episode, seen profitable at seenAt. */
    public void saveOpen(Connection c, List<Episode> ongoing, Map<Route, Long> routeIds, Instant seenAt) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO arbitrage_open_episodes (route_id, started_at_ms, last_seen_at_ms, peak_net_ppm) VALUES (?, ?, ?, ?)
                ON CONFLICT (route_id) DO UPDATE SET started_at_ms = excluded.started_at_ms,
                    last_seen_at_ms = excluded.last_seen_at_ms, peak_net_ppm = excluded.peak_net_ppm
                """)) {
            for (Episode e : ongoing) {
                st.setLong(1, routeIds.get(e.route()));
                st.setLong(2, e.start().toEpochMilli());
                st.setLong(3, Math.max(seenAt.toEpochMilli(), e.start().toEpochMilli()));
                st.setLong(4, SpreadHistory.ppm(e.peakNetPct()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Removes the open rows of the routes whose episode ended. */
    public void deleteOpen(Connection c, List<Episode> ended, Map<Route, Long> routeIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM arbitrage_open_episodes WHERE route_id = ?")) {
            for (Episode e : ended) {
                st.setLong(1, routeIds.get(e.route()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Every stored ongoing episode. */
    public List<OpenRow> open(Connection c) throws SQLException {
        return Jdbc.query(c, """
                SELECT r.pair, r.buy_exchange, r.sell_exchange, r.size_usd_text, o.started_at_ms, o.last_seen_at_ms, o.peak_net_ppm
                FROM arbitrage_open_episodes o
                JOIN arbitrage_routes r ON r.id = o.route_id
                ORDER BY o.started_at_ms, o.route_id
                """, st -> { }, rs -> new OpenRow(new Episode(
                new Route(rs.getString("pair"), rs.getString("buy_exchange"), rs.getString("sell_exchange"),
                        new BigDecimal(rs.getString("size_usd_text"))),
                Instant.ofEpochMilli(rs.getLong("started_at_ms")), null, SpreadHistory.pct(rs.getLong("peak_net_ppm"))),
                Instant.ofEpochMilli(rs.getLong("last_seen_at_ms"))));
    }

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
