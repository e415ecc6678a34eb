package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checkpoints SQLite's write-ahead log on a thread and connection of its own, so that no commit pays for it.
 * <p>Why (issue #13): with SQLite's automatic checkpoint, the commit that took the log past 1,000 pages then copied
 * them into the database file and synced it, while holding the single writer; every write queued behind it waited,
 * and under IPN load those commits (10–70 ms against well under 1 ms) made the tail of the answer times. The writer's
 * automatic checkpoint is off, and this thread runs a PASSIVE checkpoint, which never waits for the writer or a
 * reader, at a fixed delay. The commits themselves are written and synced exactly as before.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WalCheckpointer.class.getName());

    private final Connection connection;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });

    /** Checkpoints through {@code connection} (its own, closed with this) every {@code every}. */
    WalCheckpointer(Connection connection, Duration every) {
        this.connection = connection;
        thread.scheduleWithFixedDelay(this::checkpoint, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Turns the automatic checkpoint of a connection that writes off: this class does it instead. */
    static void disableAutomatic(Connection writer) throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA wal_autocheckpoint = 0");
        }
    }

    private void checkpoint() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // a background task: the next run tries again, and the log keeps every commit meanwhile
            LOG.log(Level.WARNING, "WAL checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** Stops the thread (after a checkpoint in progress) and closes its connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Database.closeQuietly(connection);
    }
}
