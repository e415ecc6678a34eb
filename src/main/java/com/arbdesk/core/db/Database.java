package com.arbdesk.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database, in one of two shapes. SQLite (the default): one writer connection behind a fair lock and a small
 * pool of reader connections; a single writer was measured to keep p99 write latency low where several writers
 * collapse into SQLITE_BUSY storms, and WAL lets the readers run beside it. PostgreSQL (DATABASE_URL, the store
 * several instances share): a HikariCP pool, every transaction on its own connection, exactly-once kept by unique
 * keys and row locks instead of the single writer (see {@link Tx}).
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final java.time.Duration CHECKPOINT_EVERY = java.time.Duration.ofMillis(250);

    private final Dialect dialect;
    private final DataSource dataSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers;
    private final int readerCount;
    /** SQLite only: the writes of all threads, run in shared transactions on {@link #writer}. */
    private final GroupCommit groupCommit;
    /** SQLite only: the WAL checkpoints, off the writer. */
    private final WalCheckpointer checkpointer;

    private Database(SQLiteDataSource dataSource, Path file, int readerCount) throws SQLException {
        this.dialect = Dialect.SQLITE;
        this.dataSource = dataSource;
        this.writer = cachingConnection(dataSource, file);
        WalCheckpointer.disableAutomatic(writer);
        this.groupCommit = new GroupCommit(writeLock, writer);
        this.readerCount = readerCount;
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(cachingConnection(dataSource, file));
        }
        this.checkpointer = new WalCheckpointer(dataSource.getConnection(), CHECKPOINT_EVERY);
    }

    /** A connection with the data source's settings (WAL, busy timeout, foreign keys) that keeps its statements. */
    private static Connection cachingConnection(SQLiteDataSource ds, Path file) throws SQLException {
        return new CachingSqliteConnection(ds.getUrl(), file.toAbsolutePath().toString(), ds.getConfig().toProperties());
    }

    private Database(HikariDataSource pool) {
        this.dialect = Dialect.POSTGRESQL;
        this.dataSource = pool;
        this.writer = null;
        this.groupCommit = null;
        this.checkpointer = null;
        this.readers = null;
        this.readerCount = pool.getMaximumPoolSize();
    }

    /**
     * Runs {@code onChange} whenever a transaction on any instance sends a notification on {@code channel}
     * ({@link Dialect#notify}), and once at start; on SQLite (one instance, changes only from this process) nothing
     * to listen to, and the returned handle does nothing.
     */
    public Subscription listen(String channel, Runnable onChange) {
        return dialect == Dialect.POSTGRESQL ? new ChangeListener(this, channel, onChange) : () -> { };
    }

    /**
     * The role {@code role} (a fixed name such as "background work") among the instances on this database: on
     * SQLite always this instance; on PostgreSQL a session advisory lock (close the handle to give it up).
     */
    public Leadership leadership(String role) {
        return dialect == Dialect.POSTGRESQL ? new AdvisoryLeadership(this, role) : () -> true;
    }

    /** A running {@link #listen}; closing it stops listening. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A connection of its own, outside the pool, with the pool's URL and credentials (for LISTEN). */
    Connection dedicatedConnection() throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        java.util.Properties props = new java.util.Properties();
        if (pool.getUsername() != null) {
            props.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            props.setProperty("password", pool.getPassword());
        }
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), props);
    }

    public static Database open(Path file, int readerCount) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            return new Database(ds, file, readerCount);
        } catch (SQLException | java.io.IOException e) {
            throw new DataAccessException("cannot open the database at " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A PostgreSQL pool. Connections come out with auto-commit off and READ COMMITTED; {@code redactedUrl} is what
     * an error may name (the URL may carry a password parameter). The pool connects at once, so a wrong URL or
     * password fails the start.
     */
    public static Database openServer(String url, Optional<String> user, Optional<String> password, int poolSize,
                                      String redactedUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(BUSY_TIMEOUT_MS);
        config.setPoolName("arbdesk-db");
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            // Hikari's message names the cause (refused, auth failed) but never the password
            throw new DataAccessException("cannot open the database at " + redactedUrl + ": " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** For Flyway only: a fresh connection with the same settings. */
    public DataSource dataSource() {
        return dataSource;
    }

    ReentrantLock writeLock() {
        return writeLock;
    }

    GroupCommit groupCommit() {
        return groupCommit;
    }

    Connection writer() {
        return writer;
    }

    /** A pooled PostgreSQL connection (auto-commit off); closing it returns it to the pool. */
    Connection pooled() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("no database connection: " + e.getMessage(), e);
        }
    }

    Connection borrowReader() {
        try {
            Connection c = readers.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (c == null) {
                throw new DataAccessException("no database connection free within " + BUSY_TIMEOUT_MS + " ms", null);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("interrupted while waiting for a database connection", e);
        }
    }

    void returnReader(Connection c) {
        readers.add(c);
    }

    /**
     * The pool's figures for the metrics: readers in use (of {@link #readerCount}), whether a write runs, writes
     * waiting. On PostgreSQL there is no separate writer: the pool's active connections count as readers in use,
     * of its maximum size, and the writer figures stay 0.
     */
    public int readersInUse() {
        if (dialect == Dialect.POSTGRESQL) {
            com.zaxxer.hikari.HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            return pool == null ? 0 : pool.getActiveConnections();
        }
        return readerCount - readers.size();
    }

    public int readerCount() {
        return readerCount;
    }

    public boolean writing() {
        return dialect == Dialect.SQLITE && writeLock.isLocked();
    }

    public int writesWaiting() {
        if (dialect == Dialect.POSTGRESQL) {
            com.zaxxer.hikari.HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            return pool == null ? 0 : pool.getThreadsAwaitingConnection();
        }
        // writes queued for the next shared transaction (GroupCommit), and anything blocked on the lock itself
        return groupCommit.waiting() + writeLock.getQueueLength();
    }

    /** True when a trivial query answers; used by /health. */
    public boolean ping() {
        try {
            return new Tx(this).read(c -> Jdbc.queryOne(c, "SELECT 1", st -> { }, rs -> rs.getInt(1)).isPresent());
        } catch (DataAccessException e) {
            return false;
        }
    }

    /** True when a write commits (the readiness check): one row, rewritten, so the table never grows. */
    public boolean writable(java.time.Instant now) {
        try {
            return new Tx(this).inTransaction(c -> Jdbc.update(c, """
                    INSERT INTO health_probes (id, written_at) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at""",
                    st -> st.setString(1, now.toString()))) == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
            return;
        }
        checkpointer.close();
        writeLock.lock();
        try {
            closeQuietly(writer);
            readers.forEach(Database::closeQuietly);
        } finally {
            writeLock.unlock();
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to do with the error
        }
    }
}
