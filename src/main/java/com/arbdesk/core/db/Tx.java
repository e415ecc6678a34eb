package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work in a database transaction. Writes take the single writer under its lock with
 * BEGIN IMMEDIATE, so a write transaction never fails half-way on a lock upgrade; nested calls on
 * the same thread join the open transaction. Callbacks registered with {@link #afterCommit} run
 * only once the commit succeeded: that is where events leave the process.
 */
public final class Tx {
    private static final Logger LOG = Logger.getLogger(Tx.class.getName());
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    private final Database db;

    public Tx(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    public <T> T inTransaction(SqlWork<T> work) {
        if (AFTER_COMMIT.get() != null) {
            return run(db.writer(), work);
        }
        db.writeLock().lock();
        List<Runnable> callbacks = new ArrayList<>();
        AFTER_COMMIT.set(callbacks);
        T result;
        try {
            Connection c = db.writer();
            exec(c, "BEGIN IMMEDIATE");
            try {
                result = run(c, work);
                exec(c, "COMMIT");
            } catch (RuntimeException | Error e) {
                rollback(c);
                throw e;
            }
        } finally {
            AFTER_COMMIT.remove();
            db.writeLock().unlock();
        }
        callbacks.forEach(Tx::runCallback);
        return result;
    }

    /** Read-only work on a reader connection, inside one snapshot. */
    public <T> T read(SqlWork<T> work) {
        if (AFTER_COMMIT.get() != null) {
            return run(db.writer(), work);
        }
        Connection c = db.borrowReader();
        try {
            exec(c, "BEGIN");
            try {
                return run(c, work);
            } finally {
                rollback(c);
            }
        } finally {
            db.returnReader(c);
        }
    }

    /** Runs the callback after the current transaction commits; outside a transaction, at once. */
    public static void afterCommit(Runnable callback) {
        List<Runnable> callbacks = AFTER_COMMIT.get();
        if (callbacks == null) {
            runCallback(callback);
        } else {
            callbacks.add(callback);
        }
    }

    private static <T> T run(Connection c, SqlWork<T> work) {
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new DataAccessException("database error: " + e.getMessage(), e);
        }
    }

    private static void exec(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // "no transaction is active" after a failed BEGIN or a COMMIT that already ended it
            LOG.log(Level.FINE, "rollback skipped", e);
        }
    }

    private static void runCallback(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // the transaction is committed; a failing listener must not turn that into an error
            LOG.log(Level.WARNING, "after-commit callback failed", e);
        }
    }
}
