package com.arbdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer never checkpoints (its automatic checkpoint is off), yet what it commits reaches the database file
 * without anyone asking: the checkpoint thread copies it there.
 */
class WalCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void commitsReachTheDatabaseFileThroughTheCheckpointThreadAlone() throws Exception {
        Path file = dir.resolve("wal.db");
        try (Database db = Database.open(file, 1)) {
            Tx tx = new Tx(db);
            assertEquals(0, tx.inTransaction(c -> Jdbc.queryOne(c, "PRAGMA wal_autocheckpoint", st -> { }, rs -> rs.getInt(1)))
                    .orElseThrow(), "the writer's automatic checkpoint is off");
            tx.inTransaction(c -> Jdbc.update(c, "CREATE TABLE filler (x BLOB)", st -> { }));
            long before = Files.size(file);
            // 4 MB in 40 commits: far past the 1,000 pages at which the writer used to checkpoint itself
            for (int i = 0; i < 40; i++) {
                tx.inTransaction(c -> Jdbc.update(c, "INSERT INTO filler (x) SELECT randomblob(1024) FROM "
                        + "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n)", st -> { }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Files.size(file) < before + 4_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.size(file) >= before + 4_000_000, "the database file holds the commits: " + Files.size(file));
            assertEquals(4000L, (long) tx.read(c -> Jdbc.queryOne(c, "SELECT count(*) FROM filler", st -> { }, rs -> rs.getLong(1)))
                    .orElseThrow());
        }
    }
}
