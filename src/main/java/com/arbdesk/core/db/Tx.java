package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work in a database transaction; nested calls on the same thread join the open transaction. Callbacks
 * registered with {@link #afterCommit} run only once the commit succeeded: that is where events leave the process.
 * SQLite: writes take the single writer under its lock with BEGIN IMMEDIATE, so a write transaction never fails
 * half-way on a lock upgrade; writes queued meanwhile by other threads share one transaction, each in its own
 * savepoint ({@link GroupCommit}). PostgreSQL: each transaction takes a pooled connection at READ COMMITTED; the DAOs
 * lock the rows they change ({@link Dialect#forUpdate}), and a transaction that lost a race (serialization
 * failure, deadlock, or a concurrent insert of the same unique key) is rolled back and run again from the start,
 * so it re-reads what the winner committed.
 */
public final class Tx {
    private static final Logger LOG = Logger.getLogger(Tx.class.getName());
    /** The open transaction of this thread: its connection and its after-commit callbacks. */
    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();
    static final int MAX_ATTEMPTS = 5;
    /** serialization_failure, deadlock_detected, unique_violation. */
    static final Set<String> RETRYABLE = Set.of("40001", "40P01", DataAccessException.UNIQUE_VIOLATION);

    private final Database db;

    public Tx(Database db) {
        this.db = db;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private record Open(Connection connection, List<Runnable> callbacks) {
    }

    public <T> T inTransaction(SqlWork<T> work) {
        Open open = OPEN.get();
        if (open != null) {
            return run(open.connection(), work);
        }
        return db.dialect() == Dialect.SQLITE ? writeSqlite(work) : writeServer(work);
    }

    /** SQLite: the work joins the writer's next shared transaction ({@link GroupCommit}). */
    private <T> T writeSqlite(SqlWork<T> work) {
        GroupCommit.Queued<T> done = db.groupCommit().write(work, SQLITE_RUNNER);
        if (done.failure instanceof RuntimeException e) {
            throw e;
        }
        if (done.failure instanceof Error e) {
            throw e;
        }
        done.callbacks.forEach(Tx::runCallback);
        return done.result;
    }

    /** How a batch runs one caller's work: with that caller's transaction context on the running thread. */
    private static final GroupCommit.Runner SQLITE_RUNNER = new GroupCommit.Runner() {
        @Override
        public <T> T run(Connection c, SqlWork<T> work, List<Runnable> callbacks) {
            OPEN.set(new Open(c, callbacks));
            try {
                return Tx.run(c, work);
            } finally {
                OPEN.remove();
            }
        }

        @Override
        public void exec(Connection c, String sql) {
            Tx.exec(c, sql);
        }

        @Override
        public void rollback(Connection c) {
            Tx.rollback(c);
        }
    };

    private <T> T writeServer(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection c = db.pooled();
            Open open = new Open(c, new ArrayList<>());
            OPEN.set(open);
            T result;
            try {
                result = run(c, work);
                commit(c);
            } catch (RuntimeException | Error e) {
                rollbackServer(c);
                if (attempt < MAX_ATTEMPTS && retryable(e)) {
                    LOG.log(Level.FINE, "transaction lost a race (attempt " + attempt + "), running it again", e);
                    pause(attempt);
                    continue;
                }
                throw e;
            } finally {
                OPEN.remove();
                closeQuietly(c);
            }
            open.callbacks().forEach(Tx::runCallback);
            return result;
        }
    }

    /** Read-only work inside one snapshot (on SQLite a reader connection, on PostgreSQL REPEATABLE READ). */
    public <T> T read(SqlWork<T> work) {
        Open open = OPEN.get();
        if (open != null) {
            return run(open.connection(), work);
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            Connection c = db.pooled();
            try {
                exec(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                return run(c, work);
            } finally {
                rollbackServer(c);
                closeQuietly(c);
            }
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
        Open open = OPEN.get();
        if (open == null) {
            runCallback(callback);
        } else {
            open.callbacks().add(callback);
        }
    }

    /** True when the failure is a lost race that a fresh run of the whole transaction resolves. */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && se.getSQLState() != null && RETRYABLE.contains(se.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new DataAccessException("COMMIT failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the outcome is settled; the pool discards a connection it cannot take back
            LOG.log(Level.FINE, "returning a connection failed", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("interrupted while retrying a transaction", e);
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
        if (c instanceof CachingSqliteConnection) {
            // BEGIN, COMMIT and ROLLBACK run on every transaction: kept prepared like the DAOs' statements
            try {
                Jdbc.update(c, sql, st -> { });
                return;
            } catch (SQLException e) {
                throw new DataAccessException(sql + " failed: " + e.getMessage(), e);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c) {
        try {
            Jdbc.update(c, "ROLLBACK", st -> { });
        } catch (SQLException e) {
            // "no transaction is active" after a failed BEGIN or a COMMIT that already ended it
            LOG.log(Level.FINE, "rollback skipped", e);
        }
    }

    private static void rollbackServer(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // a broken connection: the pool validates and replaces it
            LOG.log(Level.FINE, "rollback failed", e);
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
