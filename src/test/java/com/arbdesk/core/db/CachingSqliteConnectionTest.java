package com.arbdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite connections keep their statements: same results, same settings, no snapshot held, no statement shared. */
class CachingSqliteConnectionTest {
    @TempDir
    Path dir;
    private Database db;
    private Tx tx;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("cache.db"), 1);
        tx = new Tx(db);
        tx.inTransaction(c -> {
            Jdbc.update(c, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)", st -> { });
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static long insert(Connection c, String name) throws java.sql.SQLException {
        return Jdbc.insert(c, "INSERT INTO t (name) VALUES (?)", st -> st.setString(1, name));
    }

    @Test
    void aStatementIsPreparedOnceAndItsParametersDoNotLeak() {
        long first = tx.inTransaction(c -> insert(c, "a"));
        long second = tx.inTransaction(c -> insert(c, "b"));
        assertEquals(first + 1, second, "RETURNING id gives each insert its own id");
        int cached = tx.inTransaction(c -> ((CachingSqliteConnection) c).cachedStatements());
        tx.inTransaction(c -> insert(c, "c"));
        assertEquals(cached, (int) tx.inTransaction(c -> ((CachingSqliteConnection) c).cachedStatements()),
                "the same SQL again uses the cached statement");
        List<String> names = tx.read(c -> Jdbc.query(c, "SELECT name FROM t WHERE id >= ? ORDER BY id", st -> st.setLong(1, second),
                rs -> rs.getString(1)));
        assertEquals(List.of("b", "c"), names);
        assertEquals(List.of("a", "b", "c"), tx.read(c -> Jdbc.query(c, "SELECT name FROM t WHERE id >= ? ORDER BY id",
                st -> st.setLong(1, first), rs -> rs.getString(1))));
    }

    @Test
    void theSameQueryInsideItsOwnMapperGetsAStatementOfItsOwn() {
        tx.inTransaction(c -> insert(c, "a") + insert(c, "b"));
        String sql = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
        List<String> pairs = tx.read(c -> Jdbc.query(c, sql, st -> st.setLong(1, 1), rs -> {
            long id = rs.getLong(1);
            String inner = String.join(",", Jdbc.query(c, sql, st -> st.setLong(1, id), r -> r.getString(2)));
            return rs.getString(2) + ":" + inner;
        }));
        assertEquals(List.of("a:a,b", "b:b"), pairs);
    }

    @Test
    void aFailedStatementIsDiscardedAndTheNextRunWorks() {
        tx.inTransaction(c -> insert(c, "a"));
        assertThrows(DataAccessException.class, () -> tx.inTransaction(c -> insert(c, "a")), "unique violation");
        assertTrue(tx.inTransaction(c -> insert(c, "b")) > 0);
        assertEquals(2L, (long) tx.read(c -> Jdbc.queryOne(c, "SELECT count(*) FROM t", st -> { }, rs -> rs.getLong(1)).orElseThrow()));
    }

    @Test
    void theConnectionsKeepTheDatabaseSettings() {
        assertEquals("wal", tx.read(c -> Jdbc.queryOne(c, "PRAGMA journal_mode", st -> { }, rs -> rs.getString(1)).orElseThrow()));
        assertEquals(1, (int) tx.read(c -> Jdbc.queryOne(c, "PRAGMA foreign_keys", st -> { }, rs -> rs.getInt(1)).orElseThrow()));
        assertEquals(5000, (int) tx.inTransaction(c -> Jdbc.queryOne(c, "PRAGMA busy_timeout", st -> { }, rs -> rs.getInt(1)).orElseThrow()));
    }

    @Test
    void aCachedReadHoldsNoSnapshotOnceItsTransactionEnds() {
        tx.inTransaction(c -> insert(c, "a"));
        String count = "SELECT count(*) FROM t";
        assertEquals(1L, (long) tx.read(c -> Jdbc.queryOne(c, count, st -> { }, rs -> rs.getLong(1)).orElseThrow()));
        tx.inTransaction(c -> insert(c, "b"));
        // the one reader sees the new row: its cached statement was reset, so it started a fresh snapshot
        assertEquals(2L, (long) tx.read(c -> Jdbc.queryOne(c, count, st -> { }, rs -> rs.getLong(1)).orElseThrow()));
        // and a full checkpoint completes: no reader pins an old snapshot (busy = 0)
        try (Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
             java.sql.Statement st = other.createStatement();
             java.sql.ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1), "busy");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
