package com.arbdesk.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;

/**
 * The few places where SQLite and PostgreSQL SQL differ, so a DAO keeps one text per statement and asks the
 * dialect only for the differing fragment. Everything else (ON CONFLICT upserts, COALESCE, LIMIT/OFFSET, the
 * ISO-8601 text times) is written once in the SQL both accept.
 */
public enum Dialect {
    SQLITE("classpath:db/migration"),
    POSTGRESQL("classpath:db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The dialect of a connection handed out by {@link Database}: SQLite connections are never wrapped by a pool. */
    public static Dialect of(Connection c) {
        return c instanceof SQLiteConnection ? SQLITE : POSTGRESQL;
    }

    /** Where this dialect's Flyway migrations live (same version numbers in both folders). */
    public String migrationLocation() {
        return migrations;
    }

    /**
     * Appended to a SELECT that reads a row the transaction is about to change. SQLite needs nothing (its one
     * writer already excludes every other write); PostgreSQL locks the rows of {@code table} (an alias of the
     * FROM clause) until commit, and a waiting transaction then reads the committed row.
     */
    public String forUpdate(String table) {
        return this == SQLITE ? "" : " FOR UPDATE OF " + table;
    }

    /** The case-insensitive LIKE (SQLite's LIKE already ignores ASCII case). */
    public String caseInsensitiveLike() {
        return this == SQLITE ? "LIKE" : "ILIKE";
    }

    /**
     * Sends a notification that PostgreSQL delivers to every LISTENing connection when (and only if) the transaction
     * commits; SQLite has no other process to tell.
     */
    public void notify(Connection c, String channel, String payload) throws SQLException {
        if (this == POSTGRESQL) {
            Jdbc.queryOne(c, "SELECT pg_notify(?, ?)", st -> {
                st.setString(1, channel);
                st.setString(2, payload);
            }, rs -> 1);
        }
    }

    /**
     * Serialises the transactions that append to one numbered stream (live events) until they commit, so numbers
     * never collide and ids follow commit order. SQLite's single writer does that already.
     */
    public void lockStream(Connection c, String stream) throws SQLException {
        if (this == POSTGRESQL) {
            // named by schema too: desks in different schemas of one database do not wait for each other
            Jdbc.queryOne(c, "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || ?, 0))",
                    st -> st.setString(1, stream), rs -> 1);
        }
    }
}
