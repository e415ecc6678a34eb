package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.testing.StandInProvider;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Liveness and readiness against a stand-in provider that then goes away, and with a database that cannot be written. */
class HealthProbesIT {

    static TestClient.Res awaitStatus(TestServer app, String path, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        TestClient.Res r = app.client().get(path);
        while (r.status() != status && System.nanoTime() < deadline) {
            sleep(200);
            r = app.client().get(path);
        }
        assertEquals(status, r.status(), r.body());
        return r;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void readyWhileEveryPartWorksAndNotOnceTheProviderIsGone() {
        try (StandInProvider p = StandInProvider.start(Map.of(), Map.of("READY_PROVIDER_MAX_AGE_SECONDS", "1"))) {
            TestServer app = p.app();
            TestClient.Res live = app.client().get("/health/live");
            assertEquals(200, live.status());
            assertEquals("ok", live.json().path("status").asText());

            JsonNode ready = awaitStatus(app, "/health/ready", 200, Duration.ofSeconds(20)).json();
            assertEquals("ok", ready.path("status").asText());
            for (String part : new String[] {"database_read", "database_write", "migrations", "provider", "reconciler"}) {
                assertEquals("ok", ready.path("checks").path(part).path("status").asText(), part + ": " + ready);
            }

            p.sandbox().close(); // the provider goes away
            JsonNode down = awaitStatus(app, "/health/ready", 503, Duration.ofSeconds(30)).json();
            assertEquals("unavailable", down.path("status").asText());
            assertEquals("failing", down.path("checks").path("provider").path("status").asText(), down.toString());
            assertEquals("ok", down.path("checks").path("database_write").path("status").asText(), down.toString());
            assertEquals(200, app.client().get("/health/live").status(), "still alive");
            assertEquals(200, app.client().get("/health").status(), "/health is as it was: the database only");
        }
    }

    /**
     * Another process holds SQLite's write lock (the tests run as root, for whom a read-only file is still
     * writable: a held lock is what a full disk, a read-only mount or a stuck writer look like to the app).
     */
    @Test
    void notReadyWhileTheDatabaseCannotBeWritten() throws Exception {
        // SQLite's lock is what this test holds: naming the file keeps it on SQLite in a -Ppostgres run
        Path db = Files.createTempDirectory("arbdesk-ready-it-").resolve("arbdesk.db");
        try (StandInProvider p = StandInProvider.start(Map.of(), Map.of("DATABASE_PATH", db.toString()))) {
            TestServer app = p.app();
            awaitStatus(app, "/health/ready", 200, Duration.ofSeconds(20));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + app.databasePath().toAbsolutePath());
                 Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.executeUpdate("UPDATE health_probes SET written_at = written_at");
                JsonNode down = awaitStatus(app, "/health/ready", 503, Duration.ofSeconds(30)).json();
                assertEquals("unavailable", down.path("status").asText());
                assertEquals("failing", down.path("checks").path("database_write").path("status").asText(), down.toString());
                assertEquals("ok", down.path("checks").path("database_read").path("status").asText(), down.toString());
                assertEquals(200, app.client().get("/health/live").status(), "alive: a balancer takes it out, nobody restarts it");
                st.execute("ROLLBACK");
            }
            JsonNode back = awaitStatus(app, "/health/ready", 200, Duration.ofSeconds(20)).json();
            assertEquals("ok", back.path("checks").path("database_write").path("status").asText(), back.toString());
        }
    }
}
