package com.arbdesk.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Writes of many threads sharing SQLite transactions: each caller still sees only its own outcome. */
class GroupCommitTest {
    private static final int WRITERS = 12;

    @TempDir
    Path dir;
    private Database db;
    private Tx tx;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"), 2);
        tx = new Tx(db);
        tx.inTransaction(c -> {
            exec(c, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            exec(c, "CREATE TABLE child (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL"
                    + " REFERENCES item(id) DEFERRABLE INITIALLY DEFERRED)");
            return null;
        });
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    /**
     * Runs {@code work(i)} on {@value #WRITERS} threads that all queue while the writer is held, so that they
     * share batches; returns each caller's result or failure.
     */
    private List<Object> concurrently(Work work) throws Exception {
        CountDownLatch queued = new CountDownLatch(WRITERS);
        List<Future<Object>> futures = new ArrayList<>();
        db.writeLock().lock();
        try {
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    queued.countDown();
                    try {
                        return work.run(n);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            assertTrue(queued.await(5, TimeUnit.SECONDS));
            // every caller queues behind the held writer, and the writer-waiting gauge counts them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (db.writesWaiting() < WRITERS && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(WRITERS, db.writesWaiting(), "the writer-waiting gauge counts the queued writes");
        } finally {
            db.writeLock().unlock();
        }
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    @FunctionalInterface
    private interface Work {
        Object run(int n);
    }

    @Test
    void concurrentWritesShareTransactionsAndAllCommit() throws Exception {
        WriteCommits commits = WriteCommits.on(db);
        List<Object> results = concurrently(n -> tx.inTransaction(c -> insert(c, "item-" + n)));
        for (Object r : results) {
            assertInstanceOf(Long.class, r, "every caller gets its own row id: " + results);
        }
        assertEquals(WRITERS, results.stream().distinct().count());
        assertEquals(WRITERS, count("SELECT count(*) FROM item"));
        assertTrue(commits.count() < WRITERS, "the queued writes shared transactions: " + commits.count() + " commits");
    }

    @Test
    void aFailingWorkIsUndoneAloneAndItsCallerGetsItsException() throws Exception {
        tx.inTransaction(c -> insert(c, "taken"));
        Map<Integer, Boolean> callbacks = new ConcurrentHashMap<>();
        List<Object> results = concurrently(n -> tx.inTransaction(c -> {
            insert(c, "row-" + n);
            Tx.afterCommit(() -> callbacks.put(n, true));
            if (n % 3 == 0) {
                insert(c, "taken"); // unique violation: this caller's work fails after its first insert
            }
            return n;
        }));
        for (int n = 0; n < WRITERS; n++) {
            if (n % 3 == 0) {
                assertInstanceOf(DataAccessException.class, results.get(n), "caller " + n);
                assertEquals(0, count("SELECT count(*) FROM item WHERE name = 'row-" + n + "'"), "undone: row-" + n);
                assertNull(callbacks.get(n), "no after-commit callback for a failed work");
            } else {
                assertEquals(n, results.get(n));
                assertEquals(1, count("SELECT count(*) FROM item WHERE name = 'row-" + n + "'"), "kept: row-" + n);
                assertEquals(Boolean.TRUE, callbacks.get(n), "callback of caller " + n);
            }
        }
    }

    @Test
    void aFailedCommitFailsEveryWorkOfItsBatch() throws Exception {
        WriteCommits commits = WriteCommits.on(db);
        List<Object> results = concurrently(n -> tx.inTransaction(c -> {
            insert(c, "w-" + n);
            if (n == 0) {
                // a deferred foreign key: the statement passes, the COMMIT of its batch fails
                try (PreparedStatement st = c.prepareStatement("INSERT INTO child (item_id) VALUES (999999)")) {
                    st.executeUpdate();
                }
            }
            return n;
        }));
        int failed = 0;
        for (Object r : results) {
            if (r instanceof DataAccessException) {
                failed++;
            }
        }
        assertTrue(failed >= 1, "the work with the broken reference fails: " + results);
        // what a caller was told matches what is stored: a success is committed, a failure left nothing
        for (int n = 0; n < WRITERS; n++) {
            long stored = count("SELECT count(*) FROM item WHERE name = 'w-" + n + "'");
            assertEquals(results.get(n) instanceof DataAccessException ? 0 : 1, stored, "caller " + n + ": " + results.get(n));
        }
        assertEquals(0, count("SELECT count(*) FROM child"));
        // and the writer is usable afterwards
        tx.inTransaction(c -> insert(c, "after"));
        assertEquals(WRITERS - failed + 1, count("SELECT count(*) FROM item"));
        assertTrue(commits.count() >= 1);
    }

    @Test
    void aWorkSeesItsCallersLoggingContextAndNestedCallsJoinIt() throws Exception {
        List<Object> results = concurrently(n -> {
            MDC.put("request_id", "req-" + n);
            try {
                return tx.inTransaction(c -> {
                    long id = insert(c, "m-" + n);
                    // a nested call joins the caller's transaction, wherever the batch runs
                    long seen = tx.read(r -> count(r, "SELECT count(*) FROM item WHERE id = " + id));
                    return MDC.get("request_id") + "/" + seen;
                });
            } finally {
                MDC.remove("request_id");
            }
        });
        for (int n = 0; n < WRITERS; n++) {
            assertEquals("req-" + n + "/1", results.get(n));
        }
    }

    @Test
    void aSingleWriteStillRollsBackWhollyOnFailure() {
        WriteCommits commits = WriteCommits.on(db);
        try {
            tx.inTransaction(c -> {
                insert(c, "solo");
                insert(c, "solo");
                return null;
            });
        } catch (DataAccessException expected) {
            assertEquals(0, count("SELECT count(*) FROM item WHERE name = 'solo'"));
            assertEquals(0, commits.count());
            return;
        }
        throw new AssertionError("the duplicate insert should have failed");
    }

    private static long insert(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO item (name) VALUES (?) RETURNING id")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql) {
        return tx.read(c -> count(c, sql));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.execute();
        }
    }
}
