package com.arbdesk.arbitrage;

import com.arbdesk.core.db.Jdbc;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The arbitrage_routes and arbitrage_history tables: routes by id, poll rows, bucket roll-ups and pruning. */
public final class SpreadHistoryDao {
    /** One row to merge into a tier: spreads in ppm (0.0001 %), sums over {@code samples}. */
    public record Row(long routeId, HistoryTier tier, long bucketMs, int samples, long grossPpmSum, long netPpmSum,
                      long netPpmMax, int profitableSamples) {
    }

    /** A bucket of a series query: sums over every tier's rows that fall in [bucketMs, bucketMs + step). */
    public record Bucket(BigDecimal sizeUsd, long bucketMs, long samples, long grossPpmSum, long netPpmSum, long netPpmMax,
                         long profitableSamples) {
    }

    // a bucket that already exists (a roll-up meeting the rows of an earlier one) is merged, never replaced; the
    // existing row is named by table (PostgreSQL refuses the bare column) and the larger maximum by CASE (SQLite's
    // two-argument max() is PostgreSQL's GREATEST)
    private static final String MERGE = """
            ON CONFLICT (route_id, tier, bucket_ms) DO UPDATE SET
                samples = arbitrage_history.samples + excluded.samples,
                gross_ppm_sum = arbitrage_history.gross_ppm_sum + excluded.gross_ppm_sum,
                net_ppm_sum = arbitrage_history.net_ppm_sum + excluded.net_ppm_sum,
                net_ppm_max = CASE WHEN excluded.net_ppm_max > arbitrage_history.net_ppm_max
                                   THEN excluded.net_ppm_max ELSE arbitrage_history.net_ppm_max END,
                profitable_samples = arbitrage_history.profitable_samples + excluded.profitable_samples
            """;

    public Optional<Long> routeId(Connection c, Route r) throws SQLException {
        return Jdbc.queryOne(c, """
                SELECT id FROM arbitrage_routes
                WHERE pair = ? AND buy_exchange = ? AND sell_exchange = ? AND size_usd_text = ?
                """, st -> bindRoute(st, r, 1), rs -> rs.getLong("id"));
    }

    public long ensureRoute(Connection c, Route r) throws SQLException {
        Optional<Long> id = routeId(c, r);
        if (id.isPresent()) {
            return id.get();
        }
        return Jdbc.insert(c, """
                INSERT INTO arbitrage_routes (pair, buy_exchange, sell_exchange, size_usd_text) VALUES (?, ?, ?, ?)
                """, st -> bindRoute(st, r, 1));
    }

    /** Merges the rows in one batch (one statement, many parameter sets). */
    public void add(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO arbitrage_history (route_id, tier, bucket_ms, samples, gross_ppm_sum, net_ppm_sum, net_ppm_max,
                    profitable_samples)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """ + MERGE)) {
            for (Row r : rows) {
                st.setLong(1, r.routeId());
                st.setInt(2, r.tier().code());
                st.setLong(3, r.bucketMs());
                st.setInt(4, r.samples());
                st.setLong(5, r.grossPpmSum());
                st.setLong(6, r.netPpmSum());
                st.setLong(7, r.netPpmMax());
                st.setInt(8, r.profitableSamples());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** Folds every row of {@code from} older than beforeMs into buckets of {@code to}; returns the rows folded. */
    public int rollUp(Connection c, HistoryTier from, HistoryTier to, long beforeMs) throws SQLException {
        long size = to.bucket().toMillis();
        Jdbc.update(c, """
                INSERT INTO arbitrage_history (route_id, tier, bucket_ms, samples, gross_ppm_sum, net_ppm_sum, net_ppm_max,
                    profitable_samples)
                SELECT route_id, ?, bucket * ?, sum(samples), sum(gross_ppm_sum), sum(net_ppm_sum), max(net_ppm_max),
                    sum(profitable_samples)
                FROM (SELECT route_id, bucket_ms / ? AS bucket, samples, gross_ppm_sum, net_ppm_sum, net_ppm_max,
                             profitable_samples
                      FROM arbitrage_history WHERE tier = ? AND bucket_ms < ?) AS folded
                GROUP BY route_id, bucket
                """ + MERGE, st -> {
            st.setInt(1, to.code());
            st.setLong(2, size);
            st.setLong(3, size);
            st.setInt(4, from.code());
            st.setLong(5, beforeMs);
        });
        return deleteBefore(c, from, beforeMs);
    }

    public int deleteBefore(Connection c, HistoryTier tier, long beforeMs) throws SQLException {
        return Jdbc.update(c, "DELETE FROM arbitrage_history WHERE tier = ? AND bucket_ms < ?", st -> {
            st.setInt(1, tier.code());
            st.setLong(2, beforeMs);
        });
    }

    /** The rows of one pair and exchange couple (every size) since fromMs, summed per size and step, oldest first. */
    public List<Bucket> series(Connection c, String pair, String buyExchange, String sellExchange, long fromMs, long stepMs)
            throws SQLException {
        return Jdbc.query(c, """
                SELECT r.size_usd_text, (h.bucket_ms / ?) * ? AS step_ms, sum(h.samples) AS samples,
                    sum(h.gross_ppm_sum) AS gross, sum(h.net_ppm_sum) AS net, max(h.net_ppm_max) AS net_max,
                    sum(h.profitable_samples) AS profitable
                FROM arbitrage_routes r
                JOIN arbitrage_history h ON h.route_id = r.id AND h.tier IN (0, 1, 2) AND h.bucket_ms >= ?
                WHERE r.pair = ? AND r.buy_exchange = ? AND r.sell_exchange = ?
                GROUP BY r.size_usd_text, step_ms
                ORDER BY step_ms
                """, st -> {
            st.setLong(1, stepMs);
            st.setLong(2, stepMs);
            st.setLong(3, fromMs);
            st.setString(4, pair);
            st.setString(5, buyExchange);
            st.setString(6, sellExchange);
        }, rs -> new Bucket(new BigDecimal(rs.getString("size_usd_text")), rs.getLong("step_ms"), rs.getLong("samples"),
                rs.getLong("gross"), rs.getLong("net"), rs.getLong("net_max"), rs.getLong("profitable")));
    }

    /** Rows per tier (for the tests and the storage figure). */
    public long count(Connection c, HistoryTier tier) throws SQLException {
        return Jdbc.queryOne(c, "SELECT count(*) AS n FROM arbitrage_history WHERE tier = ?",
                st -> st.setInt(1, tier.code()), rs -> rs.getLong("n")).orElse(0L);
    }

    private static void bindRoute(PreparedStatement st, Route r, int first) throws SQLException {
        st.setString(first, r.pair());
        st.setString(first + 1, r.buyExchange());
        st.setString(first + 2, r.sellExchange());
        st.setString(first + 3, r.sizeText());
    }
}
