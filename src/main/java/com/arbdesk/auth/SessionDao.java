package com.arbdesk.auth;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The sessions table. Times are stored in whole seconds so that the text comparisons in SQL order
 * like the instants they stand for (ISO text with and without fractions would not).
 */
public final class SessionDao {

    public void insert(Connection c, SessionRecord s) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent, client_address)
                VALUES (?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setString(1, s.id());
            st.setLong(2, s.userId());
            st.setString(3, text(s.createdAt()));
            st.setString(4, text(s.expiresAt()));
            st.setString(5, s.userAgent());
            st.setString(6, s.clientAddress());
        });
    }

    public Optional<SessionRecord> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, """
                SELECT id, user_id, created_at, expires_at, revoked_at, user_agent, client_address
                FROM sessions
                WHERE id = ?
                """, st -> st.setString(1, id), SessionDao::map);
    }

    /**
     * Which of these sessions are still usable at {@code now}: not revoked, not expired, and their user not disabled.
     * The sockets' heartbeat asks this for a slice of the open sockets at once, by primary key, rather than two
     * queries per socket.
     */
    public java.util.Set<String> stillOpen(Connection c, java.util.Collection<String> ids, Instant now) throws SQLException {
        return new java.util.HashSet<>(Jdbc.queryIn(c, """
                SELECT s.id
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0 AND s.id IN (%s)
                """, st -> st.setString(1, text(now)), 1, ids, PreparedStatement::setString, rs -> rs.getString(1)));
    }

    /** The user's sessions that are neither revoked nor expired, newest first. */
    public List<SessionRecord> open(Connection c, long userId, Instant now) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, user_id, created_at, expires_at, revoked_at, user_agent, client_address
                FROM sessions
                WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?
                ORDER BY created_at DESC, id
                """, st -> {
            st.setLong(1, userId);
            st.setString(2, text(now));
        }, SessionDao::map);
    }

    /** Revokes one session if it is still open; true when it was. */
    public boolean revoke(Connection c, String id, RevokeReason reason, Instant now) throws SQLException {
        return Jdbc.update(c, """
                UPDATE sessions SET revoked_at = ?, revoked_reason = ?
                WHERE id = ? AND revoked_at IS NULL
                """, st -> {
            st.setString(1, text(now));
            st.setString(2, reason.wire());
            st.setString(3, id);
        }) == 1;
    }

    /** Revokes every open session of the user except {@code keepId} (null: all of them). */
    public int revokeAll(Connection c, long userId, String keepId, RevokeReason reason, Instant now) throws SQLException {
        return Jdbc.update(c, """
                UPDATE sessions SET revoked_at = ?, revoked_reason = ?
                WHERE user_id = ? AND revoked_at IS NULL AND id <> ?
                """, st -> {
            st.setString(1, text(now));
            st.setString(2, reason.wire());
            st.setLong(3, userId);
            st.setString(4, keepId == null ? "" : keepId);
        });
    }

    /** Removes the user's sessions that ended before {@code before} (they can never be used again). */
    public int deleteEnded(Connection c, long userId, Instant before) throws SQLException {
        return Jdbc.update(c, """
                DELETE FROM sessions
                WHERE user_id = ? AND (expires_at < ? OR revoked_at < ?)
                """, st -> {
            st.setLong(1, userId);
            st.setString(2, text(before));
            st.setString(3, text(before));
        });
    }

    private static String text(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static SessionRecord map(ResultSet rs) throws SQLException {
        String revoked = rs.getString("revoked_at");
        return new SessionRecord(rs.getString("id"), rs.getLong("user_id"), StoredInstants.parse(rs.getString("created_at")),
                StoredInstants.parse(rs.getString("expires_at")), revoked == null ? null : Instant.parse(revoked),
                rs.getString("user_agent"), rs.getString("client_address"));
    }
}
