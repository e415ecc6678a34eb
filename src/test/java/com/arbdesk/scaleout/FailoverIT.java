package com.arbdesk.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestDatabase;
import com.arbdesk.testing.TestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The background work that must run once (the reconciler, the spread-history roll-ups) runs on one of two instances
 * on one PostgreSQL schema, and moves to the other within a bounded time when that one dies (issue #14).
 */
class FailoverIT {
    static final String TAKEN = "this instance now runs the background work";

    @Test
    void killingTheInstanceThatRunsTheReconcilerMovesItToTheOther() {
        TestDatabase.Schema schema = TestDatabase.createSchema();
        Map<String, String> settings = new HashMap<>(schema.settings());
        settings.putAll(Map.of("APP_MODE", "demo", "RECONCILE_INTERVAL_SECONDS", "1"));
        TestServer a = TestServer.start(settings);
        TestServer b = null;
        try {
            awaitLog(a, TAKEN, Duration.ofSeconds(30));
            b = TestServer.start(settings);
            sleep(3_000); // three of B's passes: the role is taken, B must not get it
            assertFalse(b.logText().contains(TAKEN), "only one instance runs the background work");
            assertEquals(200, b.client().get("/health/ready").status(), "the instance that waits is still ready");
            long killedAt = System.nanoTime();
            a.crash();
            awaitLog(b, TAKEN, Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "taken over in " + took);
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
            schema.drop();
        }
    }

    private static void awaitLog(TestServer s, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!s.logText().contains(text) && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertTrue(s.logText().contains(text), "the log shows '" + text + "' within " + timeout + ":\n" + s.logText());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
