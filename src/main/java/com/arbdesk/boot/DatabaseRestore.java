package com.arbdesk.boot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code java -jar arbdesk.war restore BACKUP [--database PATH]}, with ArbDesk stopped: refuses while any
 * process has the database open, checks that BACKUP is an intact ArbDesk database (integrity check, a Flyway
 * history without failed migrations, the ledger tables), copies it beside PATH and checks the copy, keeps the
 * old file as {@code PATH.before-restore} and renames the copy over PATH, so PATH is at every moment either
 * the old database or the whole restored one. Migrations newer than the backup run at the next start.
 */
public final class DatabaseRestore {
    private static final String[] TABLES = {"users", "transactions", "ledger_entries", "ipn_events", "deposit_events"};
    /**
     * Why this byte: SQLite's unix VFS has every connection to a WAL database hold a read lock on byte 128 of the
     * {@code -shm} file (its "dead man switch") for as long as it is open, also when idle. The same POSIX lock from
     * here cannot be taken exclusively while ArbDesk (or any other SQLite process) has the file open.
     */
    private static final long SHM_DMS_BYTE = 128;

    private DatabaseRestore() {
    }

    /** Entry point from {@link WarLauncher}; exits 0 on success, 1 on a refused or failed restore, 2 on bad usage or settings. */
    public static void main(String[] args) {
        Path target = DatabaseBackup.databasePath(args, "restore");
        Path backup = Path.of(args[1]);
        try {
            String schema = restore(backup, target);
            System.out.println("ArbDesk restore: " + backup.toAbsolutePath() + " -> " + target.toAbsolutePath() + " (" + schema
                    + ", integrity ok; the previous database, if any, is kept as " + beforeRestore(target).getFileName() + ")");
        } catch (SQLException | IOException e) {
            System.err.println("ArbDesk restore refused: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Where the replaced database is kept. */
    public static Path beforeRestore(Path target) {
        return sibling(target, ".before-restore");
    }

    /** Puts {@code backup} at {@code target}; answers the restored schema version. Nothing changes when it throws. */
    public static String restore(Path backup, Path target) throws SQLException, IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IOException("no backup at " + backup.toAbsolutePath());
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        refuseIfOpen(target);
        Path partial = sibling(target, ".restoring");
        deleteWithSidecars(partial);
        Files.copy(backup, partial);
        try {
            String schema = check(partial);
            if (Files.exists(target)) {
                keepAside(target);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return schema;
        } catch (SQLException | IOException e) {
            deleteWithSidecars(partial);
            throw e;
        }
    }

    /**
     * Keeps the old database as {@code PATH.before-restore}: its WAL folded in when it can be (a damaged file, the
     * usual reason to restore, cannot), else moved along as that file's own WAL, so nothing of it is lost; and no
     * stale WAL of it stays beside PATH, where SQLite would try to replay it onto the restored database.
     */
    private static void keepAside(Path target) throws IOException {
        try {
            settle(target);
        } catch (SQLException e) {
            System.err.println("ArbDesk restore: the current database cannot be read (" + e.getMessage() + "); it is kept as it is");
        }
        Path before = beforeRestore(target);
        deleteWithSidecars(before);
        try {
            Files.createLink(before, target); // the old file keeps a name while the rename replaces PATH
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, before); // a file system without hard links
        }
        if (Files.exists(sibling(target, "-wal"))) {
            Files.move(sibling(target, "-wal"), sibling(before, "-wal"));
        }
        Files.deleteIfExists(sibling(target, "-shm"));
    }

    private static void refuseIfOpen(Path target) throws IOException {
        Path shm = sibling(target, "-shm");
        if (!Files.exists(shm)) {
            return; // SQLite removes it when the last connection closes: nobody has the database open
        }
        try (FileChannel ch = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock(SHM_DMS_BYTE, 1, false)) {
            if (lock == null) {
                throw new IOException(target.toAbsolutePath() + " is open in a running process: stop ArbDesk first");
            }
        }
    }

    /** Folds the old database's WAL into its file, so the kept copy is whole; a busy answer means someone writes. */
    private static void settle(Path target) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                throw new IOException(target.toAbsolutePath() + " is being written by another process: stop ArbDesk first");
            }
        }
    }

    /** The checks on the copy about to be installed; answers "schema version N". */
    private static String check(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
            DatabaseBackup.checkIntegrity(c);
            if (!hasTable(c, "flyway_schema_history")) {
                throw new SQLException("not an ArbDesk database: it has no migration history (flyway_schema_history)");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN success = 1 THEN 0 ELSE 1 END), 0) FROM flyway_schema_history")) {
                rs.next();
                if (rs.getLong(1) == 0 || rs.getLong(2) > 0) {
                    throw new SQLException("its migration history is empty or records a failed migration");
                }
            }
            for (String table : TABLES) {
                if (!hasTable(c, table)) {
                    throw new SQLException("not an ArbDesk database: the table " + table + " is missing");
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                return "schema version " + (rs.next() ? rs.getString(1) : "unknown");
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var st = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(sibling(file, "-wal"));
        Files.deleteIfExists(sibling(file, "-shm"));
    }

    private static Path sibling(Path file, String suffix) {
        Path abs = file.toAbsolutePath();
        return abs.getParent().resolve(abs.getFileName() + suffix);
    }
}
