package com.arbdesk.alerts;

import com.arbdesk.core.db.Jdbc;
import com.arbdesk.core.db.StoredInstants;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The alert_webhooks table: one row per user who set a webhook or asked for a secret. */
public final class WebhookDao {
    /** A user's webhook: the URL (null when unset) and the signing secret. */
    public record Webhook(long userId, String url, String secret, Instant updatedAt) {
        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Webhook[userId=" + userId + ", url=" + url + "]";
        }
    }

    public Optional<Webhook> find(Connection c, long userId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT user_id, url, secret, updated_at FROM alert_webhooks WHERE user_id = ?",
                st -> st.setLong(1, userId), rs -> new Webhook(rs.getLong("user_id"), rs.getString("url"),
                        rs.getString("secret"), StoredInstants.parse(rs.getString("updated_at"))));
    }

    public void insert(Connection c, long userId, String url, String secret, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO alert_webhooks (user_id, url, secret, updated_at) VALUES (?, ?, ?, ?)", st -> {
            st.setLong(1, userId);
            st.setString(2, url);
            st.setString(3, secret);
            st.setString(4, now.toString());
        });
    }

    public void setUrl(Connection c, long userId, String url, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE alert_webhooks SET url = ?, updated_at = ? WHERE user_id = ?", st -> {
            st.setString(1, url);
            st.setString(2, now.toString());
            st.setLong(3, userId);
        });
    }

    public void setSecret(Connection c, long userId, String secret, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE alert_webhooks SET secret = ?, updated_at = ? WHERE user_id = ?", st -> {
            st.setString(1, secret);
            st.setString(2, now.toString());
            st.setLong(3, userId);
        });
    }
}
