package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers for the DAOs: bound parameters in, rows mapped by hand out. */
public final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface ValueBinder<V> {
        void bind(PreparedStatement st, int index, V value) throws SQLException;
    }

    /** How many values one IN list binds at most: well under SQLite's and PostgreSQL's limits on parameters. */
    public static final int IN_CHUNK = 512;

    /**
     * The rows of {@code sql}, whose one {@code %s} stands for an IN list, over all {@code values} in chunks of at
     * most {@link #IN_CHUNK}. {@code leading} binds the {@code leadingCount} parameters before the list. Each list is
     * padded with its last value to a power of two, so a handful of statement texts serve every size: statements are
     * cached by their text, and one per size would push the hot paths' statements out of the cache.
     */
    public static <V, T> List<T> queryIn(Connection c, String sql, Binder leading, int leadingCount,
                                         java.util.Collection<V> values, ValueBinder<V> each, RowMapper<T> mapper)
            throws SQLException {
        List<V> all = List.copyOf(values);
        List<T> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<V> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            int slots = Math.max(8, Integer.highestOneBit(chunk.size() - 1) << 1);
            out.addAll(query(c, sql.formatted(String.join(", ", java.util.Collections.nCopies(slots, "?"))), st -> {
                leading.bind(st);
                for (int i = 0; i < slots; i++) {
                    each.bind(st, leadingCount + i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                }
            }, mapper));
        }
        return out;
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static void setNullableLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, java.sql.Types.INTEGER);
        } else {
            st.setLong(index, value);
        }
    }

    public static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        CachingSqliteConnection.Entry cached = c instanceof CachingSqliteConnection cc ? cc.acquire(sql) : null;
        if (cached != null) {
            boolean failed = true;
            try {
                List<T> rows = rows(cached.statement, binder, mapper);
                failed = false;
                return rows;
            } finally {
                ((CachingSqliteConnection) c).release(sql, cached, failed);
            }
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            return rows(st, binder, mapper);
        }
    }

    private static <T> List<T> rows(PreparedStatement st, Binder binder, RowMapper<T> mapper) throws SQLException {
        binder.bind(st);
        try (ResultSet rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(c, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection c, String sql, Binder binder) throws SQLException {
        CachingSqliteConnection.Entry cached = c instanceof CachingSqliteConnection cc ? cc.acquire(sql) : null;
        if (cached != null) {
            boolean failed = true;
            try {
                binder.bind(cached.statement);
                int n = cached.statement.executeUpdate();
                failed = false;
                return n;
            } finally {
                ((CachingSqliteConnection) c).release(sql, cached, failed);
            }
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        }
    }

    /**
     * Runs an INSERT and returns the generated row id (the {@code id} column, through RETURNING id: one statement, which
     * SQLite's connection keeps prepared like any other).
     */
    public static long insert(Connection c, String sql, Binder binder) throws SQLException {
        if (Dialect.of(c) == Dialect.SQLITE) {
            return queryOne(c, sql + " RETURNING id", binder, rs -> rs.getLong(1))
                    .orElseThrow(() -> new SQLException("INSERT returned no generated key"));
        }
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"id"})) {
            binder.bind(st);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("INSERT returned no generated key");
                }
                return keys.getLong(1);
            }
        }
    }
}
