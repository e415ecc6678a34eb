package com.arbdesk.admin;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The audit_log table: who did what to which record, written in the same transaction as the action. */
public final class AuditDao {

    /** One audit row. */
    public record AuditEntry(long id, Long actorUserId, String actorEmail, String action, String targetType,
                             String targetId, String details, Instant createdAt) {
    }

    public void insert(Connection c, long actorId, String action, String targetType, String targetId, String details,
                       Instant now) throws SQLException {
        Jdbc.insert(c, """
                INSERT INTO audit_log (actor_user_id, action, target_type, target_id, details, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setLong(1, actorId);
            st.setString(2, action);
            st.setString(3, targetType);
            st.setString(4, targetId);
            st.setString(5, details);
            st.setString(6, now.toString());
        });
    }

    public List<AuditEntry> forTarget(Connection c, String targetType, String targetId, int limit) throws SQLException {
        return Jdbc.query(c, """
                SELECT a.id, a.actor_user_id, u.email, a.action, a.target_type, a.target_id, a.details, a.created_at
                FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
                WHERE a.target_type = ? AND a.target_id = ?
                ORDER BY a.id DESC LIMIT ?
                """, st -> {
            st.setString(1, targetType);
            st.setString(2, targetId);
            st.setInt(3, limit);
        }, rs -> new AuditEntry(rs.getLong("id"), Jdbc.nullableLong(rs, "actor_user_id"), rs.getString("email"),
                rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("details"),
                StoredInstants.parse(rs.getString("created_at"))));
    }
}
