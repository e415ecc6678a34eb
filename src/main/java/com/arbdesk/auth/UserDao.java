package com.arbdesk.auth;

import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users table. */
public final class UserDao {
    private static final String COLUMNS = "id, email, password_hash, role, disabled, created_at";

    public Optional<User> findById(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", st -> st.setLong(1, id), UserDao::map);
    }

    public Optional<User> findByEmail(Connection c, String email) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE email = ?", st -> st.setString(1, email), UserDao::map);
    }

    public long insert(Connection c, String email, String passwordHash, Role role, Instant now) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO users (email, password_hash, role, disabled, created_at)
                VALUES (?, ?, ?, 0, ?)
                """, st -> {
            st.setString(1, email);
            st.setString(2, passwordHash);
            st.setString(3, role.name());
            st.setString(4, now.toString());
        });
    }

    public void updateRole(Connection c, long id, Role role) throws SQLException {
        Jdbc.update(c, "UPDATE users SET role = ? WHERE id = ?", st -> {
            st.setString(1, role.name());
            st.setLong(2, id);
        });
    }

    public void updatePasswordHash(Connection c, long id, String hash) throws SQLException {
        Jdbc.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", st -> {
            st.setString(1, hash);
            st.setLong(2, id);
        });
    }

    public void updateDisabled(Connection c, long id, boolean disabled) throws SQLException {
        Jdbc.update(c, "UPDATE users SET disabled = ? WHERE id = ?", st -> {
            st.setInt(1, disabled ? 1 : 0);
            st.setLong(2, id);
        });
    }

    /** Users whose email contains the query (case-insensitive), newest first. */
    public List<User> search(Connection c, String query, int limit, int offset) throws SQLException {
        return Jdbc.query(c, """
                SELECT id, email, password_hash, role, disabled, created_at
                FROM users
                WHERE email %s ? ESCAPE '\\'
                ORDER BY id DESC
                LIMIT ? OFFSET ?
                """.formatted(Dialect.of(c).caseInsensitiveLike()), st -> {
            st.setString(1, "%" + escapeLike(query) + "%");
            st.setInt(2, limit);
            st.setInt(3, offset);
        }, UserDao::map);
    }

    /** Which of these users exist and are not disabled, by primary key (the sockets' heartbeat). */
    public java.util.Set<Long> enabledAmong(Connection c, java.util.Collection<Long> ids) throws SQLException {
        return new java.util.HashSet<>(Jdbc.queryIn(c, "SELECT id FROM users WHERE disabled = 0 AND id IN (%s)",
                st -> { }, 0, ids, PreparedStatement::setLong, rs -> rs.getLong(1)));
    }

    public List<Long> adminIds(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM users WHERE role = 'ADMIN' AND disabled = 0 ORDER BY id", st -> { },
                rs -> rs.getLong(1));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getInt("disabled") == 1, StoredInstants.parse(rs.getString("created_at")));
    }
}
