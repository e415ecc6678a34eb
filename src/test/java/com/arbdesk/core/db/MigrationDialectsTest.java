package com.arbdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.deposit.DepositFlag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two migration folders stay in step: every version of db/migration (SQLite) has its PostgreSQL form in
 * db/postgresql under the same file name and the other way round, and no SQLite-only construct slips into the
 * PostgreSQL folder. A migration added to one folder alone fails here.
 */
class MigrationDialectsTest {
    private static final Path SQLITE = Path.of("src/main/resources/db/migration");
    private static final Path POSTGRESQL = Path.of("src/main/resources/db/postgresql");

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void everyVersionExistsForBothDialects() throws IOException {
        assertFalse(names(SQLITE).isEmpty());
        assertEquals(names(SQLITE), names(POSTGRESQL), "db/migration and db/postgresql must hold the same versions");
    }

    @Test
    void thePostgresqlFolderUsesNoSqliteOnlySql() throws IOException {
        Pattern sqliteOnly = Pattern.compile("(?i)AUTOINCREMENT|WITHOUT ROWID|COLLATE NOCASE|strftime|RAISE\\s*\\(\\s*ABORT"
                + "|INSERT OR|\\bBEGIN\\s*\\n\\s*SELECT|\\bINTEGER PRIMARY KEY\\b");
        for (String name : names(POSTGRESQL)) {
            String sql = Files.readString(POSTGRESQL.resolve(name)).lines().filter(l -> !l.trim().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
            assertFalse(sqliteOnly.matcher(sql).find(), name + " uses SQLite-only SQL: " + sqliteOnly.matcher(sql).results()
                    .map(r -> r.group()).toList());
        }
    }

    @Test
    void thePostgresqlFlagCheckNamesEveryDepositFlag() throws IOException {
        String latest = null;
        for (String name : names(POSTGRESQL)) {
            String sql = Files.readString(POSTGRESQL.resolve(name));
            if (sql.contains("transactions_known_flags CHECK")) {
                latest = sql;
            }
        }
        assertTrue(latest != null, "no PostgreSQL migration adds the flag check");
        List<String> listed = Pattern.compile("',([a-z_]+),'").matcher(latest).results().map(r -> r.group(1)).toList();
        assertEquals(Arrays.stream(DepositFlag.values()).map(DepositFlag::wire).toList(), listed);
    }

    @Test
    void lostRacesAreRetriedAndOtherFailuresAreNot() {
        assertTrue(Tx.retryable(new DataAccessException("x", new java.sql.SQLException("could not serialize", "40001"))));
        assertTrue(Tx.retryable(new DataAccessException("x", new java.sql.SQLException("deadlock detected", "40P01"))));
        assertTrue(Tx.retryable(new DataAccessException("x", new java.sql.SQLException("duplicate key", "23505"))));
        assertFalse(Tx.retryable(new DataAccessException("x", new java.sql.SQLException("check violation", "23514"))));
        assertFalse(Tx.retryable(new IllegalStateException("no SQL at all")));
        assertTrue(DataAccessException.isUniqueViolation(new java.sql.SQLException("duplicate key", "23505")));
    }
}
