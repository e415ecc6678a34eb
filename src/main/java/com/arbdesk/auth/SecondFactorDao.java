package com.arbdesk.auth;

import com.arbdesk.core.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The second_factors and recovery_codes tables (one user's second factor and its recovery codes). */
public final class SecondFactorDao {

    /** A user's row: the secret, whether it is confirmed, and the step of the last accepted code. */
    public record Row(long userId, String secretBase32, boolean confirmed, long lastUsedStep) {
    }

    public Optional<Row> find(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, """
                SELECT user_id, secret_base32, confirmed_at, last_used_step
                FROM second_factors
                WHERE user_id = ?
                """, st -> st.setLong(1, userId),
                rs -> new Row(rs.getLong("user_id"), rs.getString("secret_base32"), rs.getString("confirmed_at") != null,
                        rs.getLong("last_used_step")));
    }

    /** Starts (or restarts) an unconfirmed enrolment; a confirmed one is left alone (0 rows). */
    public int startEnrolment(Connection c, long userId, String secretBase32, Instant now) throws SQLException {
        return Jdbc.update(c, """
                INSERT INTO second_factors (user_id, secret_base32, created_at, confirmed_at, last_used_step)
                VALUES (?, ?, ?, NULL, 0)
                ON CONFLICT (user_id) DO UPDATE SET secret_base32 = excluded.secret_base32,
                    created_at = excluded.created_at, last_used_step = 0
                WHERE second_factors.confirmed_at IS NULL
                """, st -> {
            st.setLong(1, userId);
            st.setString(2, secretBase32);
            st.setString(3, now.toString());
        });
    }

    public void confirm(Connection c, long userId, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE second_factors SET confirmed_at = ? WHERE user_id = ? AND confirmed_at IS NULL", st -> {
            st.setString(1, now.toString());
            st.setLong(2, userId);
        });
    }

    /**
     * Records an accepted code's step; 0 rows when that step (or a later one) was already used, which
     * makes two concurrent logins with the same code impossible whatever their timing.
     */
    public int useStep(Connection c, long userId, long step) throws SQLException {
        return Jdbc.update(c, "UPDATE second_factors SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?", st -> {
            st.setLong(1, step);
            st.setLong(2, userId);
            st.setLong(3, step);
        });
    }

    public void delete(Connection c, long userId) throws SQLException {
        Jdbc.update(c, "DELETE FROM recovery_codes WHERE user_id = ?", st -> st.setLong(1, userId));
        Jdbc.update(c, "DELETE FROM second_factors WHERE user_id = ?", st -> st.setLong(1, userId));
    }

    public void replaceRecoveryCodes(Connection c, long userId, List<String> hashes) throws SQLException {
        Jdbc.update(c, "DELETE FROM recovery_codes WHERE user_id = ?", st -> st.setLong(1, userId));
        for (String h : hashes) {
            Jdbc.insert(c, "INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES (?, ?, NULL)", st -> {
                st.setLong(1, userId);
                st.setString(2, h);
            });
        }
    }

    /** Spends an unused recovery code; 0 rows when there is no such unused code. */
    public int useRecoveryCode(Connection c, long userId, String hash, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
                st -> {
                    st.setString(1, now.toString());
                    st.setLong(2, userId);
                    st.setString(3, hash);
                });
    }

    public int unusedRecoveryCodes(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL",
                st -> st.setLong(1, userId), rs -> rs.getInt(1)).orElse(0);
    }
}
