package com.arbdesk.core.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A SQLite connection that keeps the statements {@link Jdbc} prepares, keyed by their SQL text, so a hot path
 * (a genuine IPN runs about fifteen statements under the single writer) parses each statement once rather than on
 * every call. Why here and not a pool library: HikariCP caches no statements, and PostgreSQL's driver already keeps
 * server-side prepared statements per connection; SQLite's driver keeps none.
 * <p>
 * A connection is used by one thread at a time (the writer under its lock, a reader while borrowed), so the cache
 * needs no locking. A statement in use (a mapper that runs the same query again while the outer result set is open)
 * is never handed out twice: the inner call prepares a statement of its own. The least recently used statements
 * beyond {@link #MAX} are closed.
 */
final class CachingSqliteConnection extends JDBC4Connection {
    static final int MAX = 200;

    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() > MAX && !eldest.getValue().busy) {
                closeQuietly(eldest.getValue().statement);
                return true;
            }
            return false;
        }
    };

    /** One cached statement, and whether a caller holds it now. */
    static final class Entry {
        final PreparedStatement statement;
        boolean busy;

        Entry(PreparedStatement statement) {
            this.statement = statement;
        }
    }

    CachingSqliteConnection(String url, String fileName, Properties properties) throws SQLException {
        super(url, fileName, properties);
    }

    /**
     * The statement for {@code sql}, prepared on first use, its parameters cleared; null when that statement is in use
     * (the caller then prepares its own). Give it back with {@link #release}.
     */
    Entry acquire(String sql) throws SQLException {
        Entry e = cache.get(sql);
        if (e != null && e.busy) {
            return null;
        }
        if (e == null || e.statement.isClosed()) {
            checkOpen();
            e = new Entry(new KeptNamesStatement(this, sql));
            cache.put(sql, e);
        } else {
            e.statement.clearParameters();
        }
        e.busy = true;
        return e;
    }

    /** The caller is done with it; after a failure the statement is closed and prepared afresh next time. */
    void release(String sql, Entry e, boolean failed) {
        e.busy = false;
        if (failed) {
            cache.remove(sql, e);
            closeQuietly(e.statement);
        }
    }

    int cachedStatements() {
        return cache.size();
    }

    @Override
    public void close() throws SQLException {
        cache.values().forEach(e -> closeQuietly(e.statement));
        cache.clear();
        super.close();
    }

    private static void closeQuietly(PreparedStatement st) {
        try {
            st.close();
        } catch (SQLException ignored) {
            // a statement that cannot be finalized is gone with its connection anyway
        }
    }
}
