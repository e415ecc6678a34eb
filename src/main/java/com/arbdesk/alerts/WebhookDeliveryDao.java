package com.arbdesk.alerts;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook_deliveries table and its webhook_attempts. */
public final class WebhookDeliveryDao {
    private static final String COLUMNS = """
            id, user_id, firing_id, redelivery_of, delivery_uid, url, body, status, attempts, next_attempt_at_ms,
            last_status_code, last_error, created_at, updated_at""";

    /** A new delivery, due now. */
    public long insert(Connection c, long userId, Long firingId, Long redeliveryOf, String uid, String url, String body, Instant now)
            throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO webhook_deliveries (user_id, firing_id, redelivery_of, delivery_uid, url, body, status, attempts,
                    next_attempt_at_ms, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                """, st -> {
                    st.setLong(1, userId);
                    Jdbc.setNullableLong(st, 2, firingId);
                    Jdbc.setNullableLong(st, 3, redeliveryOf);
                    st.setString(4, uid);
                    st.setString(5, url);
                    st.setString(6, body);
                    st.setString(7, DeliveryStatus.PENDING.wire());
                    st.setLong(8, now.toEpochMilli());
                    st.setString(9, now.toString());
                    st.setString(10, now.toString());
                });
    }

    /** Pending deliveries whose next attempt is due, most overdue first. */
    public List<WebhookDelivery> due(Connection c, Instant now, int limit) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + """
                 FROM webhook_deliveries
                WHERE next_attempt_at_ms IS NOT NULL AND next_attempt_at_ms <= ?
                ORDER BY next_attempt_at_ms, id LIMIT ?
                """, st -> { st.setLong(1, now.toEpochMilli()); st.setInt(2, limit); }, WebhookDeliveryDao::row);
    }

    public Optional<WebhookDelivery> find(Connection c, long userId, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ? AND user_id = ?",
                st -> { st.setLong(1, id); st.setLong(2, userId); }, WebhookDeliveryDao::row);
    }

    public List<WebhookDelivery> recent(Connection c, long userId, int limit) throws SQLException {
        List<WebhookDelivery> rows = Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM webhook_deliveries WHERE user_id = ? ORDER BY id DESC LIMIT ?",
                st -> { st.setLong(1, userId); st.setInt(2, limit); }, WebhookDeliveryDao::row);
        if (rows.isEmpty()) {
            return rows;
        }
        long oldest = rows.get(rows.size() - 1).id();
        Map<Long, List<WebhookDelivery.Attempt>> log = new HashMap<>();
        Jdbc.query(c, """
                SELECT a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.error, a.duration_ms
                FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE d.user_id = ? AND d.id >= ? ORDER BY a.delivery_id, a.attempt
                """, st -> { st.setLong(1, userId); st.setLong(2, oldest); }, rs -> {
                    log.computeIfAbsent(rs.getLong("delivery_id"), k -> new ArrayList<>()).add(new WebhookDelivery.Attempt(
                            rs.getInt("attempt"), StoredInstants.parse(rs.getString("attempted_at")), nullableInt(rs, "status_code"),
                            rs.getString("error"), rs.getLong("duration_ms")));
                    return null;
                });
        return rows.stream().map(d -> d.withAttempts(log.getOrDefault(d.id(), List.of()))).toList();
    }

    /** Stores one attempt and the delivery's new state; {@code next} null means no further attempt. */
    public void recordAttempt(Connection c, long id, int attempt, Instant at, Integer statusCode, String error, long durationMs,
                              DeliveryStatus status, Instant next) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?)
                """, st -> {
                    st.setLong(1, id);
                    st.setInt(2, attempt);
                    st.setString(3, at.toString());
                    setNullableInt(st, 4, statusCode);
                    st.setString(5, error);
                    st.setLong(6, durationMs);
                });
        Jdbc.update(c, """
                UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at_ms = ?, last_status_code = ?,
                    last_error = ?, updated_at = ?
                WHERE id = ?
                """, st -> {
                    st.setString(1, status.wire());
                    st.setInt(2, attempt);
                    Jdbc.setNullableLong(st, 3, next == null ? null : next.toEpochMilli());
                    setNullableInt(st, 4, statusCode);
                    st.setString(5, error);
                    st.setString(6, at.toString());
                    st.setLong(7, id);
                });
    }

    /** Deletes finished deliveries (none pending) created before the cut, with their attempts; returns how many. */
    public int pruneBefore(Connection c, Instant cut) throws SQLException {
        String old = "SELECT id FROM webhook_deliveries WHERE created_at < ? AND next_attempt_at_ms IS NULL";
        Jdbc.update(c, "UPDATE webhook_deliveries SET redelivery_of = NULL WHERE redelivery_of IN (" + old + ")",
                st -> st.setString(1, cut.toString()));
        Jdbc.update(c, "DELETE FROM webhook_attempts WHERE delivery_id IN (" + old + ")", st -> st.setString(1, cut.toString()));
        return Jdbc.update(c, "DELETE FROM webhook_deliveries WHERE created_at < ? AND next_attempt_at_ms IS NULL",
                st -> st.setString(1, cut.toString()));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static void setNullableInt(java.sql.PreparedStatement st, int index, Integer v) throws SQLException {
        Jdbc.setNullableLong(st, index, v == null ? null : v.longValue());
    }

    private static WebhookDelivery row(ResultSet rs) throws SQLException {
        Long next = Jdbc.nullableLong(rs, "next_attempt_at_ms");
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("user_id"), Jdbc.nullableLong(rs, "firing_id"),
                Jdbc.nullableLong(rs, "redelivery_of"), rs.getString("delivery_uid"), rs.getString("url"), rs.getString("body"),
                DeliveryStatus.of(rs.getString("status")), rs.getInt("attempts"), next == null ? null : Instant.ofEpochMilli(next),
                nullableInt(rs, "last_status_code"), rs.getString("last_error"), StoredInstants.parse(rs.getString("created_at")),
                StoredInstants.parse(rs.getString("updated_at")), List.of());
    }
}
