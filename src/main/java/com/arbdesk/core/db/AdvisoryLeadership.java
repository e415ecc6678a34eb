package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link Leadership} on PostgreSQL: a session advisory lock, named by the schema and the role (so desks in different
 * schemas of one database each have their own), held on a dedicated connection for as long as this instance lives.
 */
final class AdvisoryLeadership implements Leadership {
    private static final Logger LOG = Logger.getLogger(AdvisoryLeadership.class.getName());

    private final Database db;
    private final String role;
    private Connection connection;
    private boolean holding;

    AdvisoryLeadership(Database db, String role) {
        this.db = db;
        this.role = role;
    }

    @Override
    public synchronized boolean held() {
        try {
            if (connection != null && !connection.isValid(2)) {
                drop(); // the server went away: the lock went with the connection
            }
            if (holding) {
                return true;
            }
            if (connection == null) {
                connection = db.dedicatedConnection();
                connection.setAutoCommit(true);
            }
            holding = Jdbc.queryOne(connection, "SELECT pg_try_advisory_lock(hashtextextended(current_schema() || ':' || ?, 0))",
                    st -> st.setString(1, role), rs -> rs.getBoolean(1)).orElse(false);
            if (holding) {
                LOG.info("this instance now runs the " + role);
            }
            return holding;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot tell who runs the " + role + ": " + e.getMessage(), e);
            drop();
            return false;
        }
    }

    private void drop() {
        if (holding) {
            LOG.warning("this instance no longer runs the " + role);
        }
        holding = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
