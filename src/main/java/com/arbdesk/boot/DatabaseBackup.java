package com.arbdesk.boot;

import com.arbdesk.config.ConfigException;
import com.arbdesk.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * {@code java -jar arbdesk.war backup FILE [--database PATH]}: a consistent copy of the live SQLite
 * database, taken through SQLite's online backup API while the app keeps running. The whole database
 * is copied in one backup step, which holds one read snapshot: the copy is the database as of one
 * commit, never a mix (the app's WAL lets its writer carry on meanwhile). The copy is written beside
 * FILE, checked with {@code PRAGMA integrity_check} and only then moved to FILE.
 */
public final class DatabaseBackup {
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 100;

    private DatabaseBackup() {
    }

    /** Entry point from {@link WarLauncher}; exits 0 on success, 1 on a failed backup, 2 on bad usage or settings. */
    public static void main(String[] args) {
        Path source = databasePath(args, "backup");
        try {
            long bytes = backup(source, Path.of(args[1]));
            System.out.println("ArbDesk backup: " + source.toAbsolutePath() + " -> " + Path.of(args[1]).toAbsolutePath()
                    + " (" + bytes + " bytes, integrity ok)");
        } catch (SQLException | IOException e) {
            System.err.println("ArbDesk backup failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The database of {@code COMMAND FILE [--database PATH]}: PATH, else DATABASE_PATH as the app reads it;
     * exits 2 on bad usage or settings.
     */
    static Path databasePath(String[] args, String command) {
        if (args.length != 2 && !(args.length == 4 && "--database".equals(args[2])) || !command.equals(args[0])) {
            System.err.println("usage: java -jar arbdesk.war " + command + " FILE [--database PATH]   (PATH defaults to DATABASE_PATH)");
            System.exit(2);
        }
        try {
            if (args.length == 4) {
                return Path.of(args[3]);
            }
            com.arbdesk.config.AppConfig config = ConfigReader.load(Map.of(), "");
            if (config.databaseServer().isPresent()) {
                System.err.println("ArbDesk " + command + " works on the SQLite file; with DATABASE_URL use PostgreSQL's own tools"
                        + " (pg_dump and pg_restore, or the server's continuous archiving)");
                System.exit(2);
                return null;
            }
            return config.databasePath();
        } catch (ConfigException e) {
            System.err.println("ArbDesk " + command + ": " + e.getMessage() + " (or name the file with --database PATH)");
            System.exit(2);
            return null;
        }
    }

    /** {@code PRAGMA integrity_check} of the file at {@code db}; throws unless it answers "ok". */
    static void checkIntegrity(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new SQLException("the copy failed its integrity check: " + result);
            }
        }
    }

    /** Copies {@code source} to {@code target} (replaced if it exists) and returns the copy's size. */
    public static long backup(Path source, Path target) throws SQLException, IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("no database at " + source.toAbsolutePath());
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // the file was checked to exist above, so a mistyped path cannot leave an empty database behind
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
            }
            // pagesPerStep -1: one step over the whole file inside one read snapshot; busy waits only for a checkpoint
            ((SQLiteConnection) c).getDatabase().backup("main", partial.toString(), null, BUSY_SLEEP_MILLIS, BUSY_RETRIES, -1);
        }
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + partial)) {
            checkIntegrity(copy);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(target);
    }
}
