package com.arbdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.SecondFactors;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar arbdesk.war}: the start-up banner, production fail-fast and a production start with an admin from the environment. */
class ExecutableWarIT {
    private static final String STRONG = "Zq8wX2mB7vK4nR9tL3pD6sH1jF5gC0aY-strong-test-secret";

    private static Map<String, String> production() {
        Map<String, String> env = new HashMap<>();
        env.put("APP_MODE", "production");
        env.put("APP_BASE_URL", "https://desk.example.com");
        env.put("NOWPAYMENTS_API_KEY", "test-key");
        env.put("NOWPAYMENTS_IPN_SECRET", "test-ipn-secret");
        env.put("NOWPAYMENTS_API_URL", "http://127.0.0.1:9/v1");
        env.put("JWT_SECRET", STRONG);
        return env;
    }

    @Test
    void demoStartPrintsTheUrlAndTheDemoLogins() {
        try (TestServer server = TestServer.start()) {
            String log = server.logText();
            assertTrue(log.contains("is running at http://localhost:" + server.port() + "/"), log);
            assertTrue(log.contains(DemoAccounts.USER_EMAIL + " / " + DemoAccounts.USER_PASSWORD), log);
            assertTrue(log.contains(DemoAccounts.ADMIN_EMAIL), log);
            assertTrue(log.contains("DEMO MODE"), log);
        }
    }

    @Test
    void productionWithoutAJwtSecretStopsWithOneClearLine() throws Exception {
        Path dir = Files.createTempDirectory("arbdesk-prod-");
        try {
            Map<String, String> env = production();
            env.remove("JWT_SECRET");
            env.put("PORT", Integer.toString(TestServer.freePort()));
            env.put("DATABASE_PATH", dir.resolve("db.sqlite").toString());
            Path log = dir.resolve("out.log");
            Process p = TestServer.launch(env, log, dir);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process must exit, not hang");
            assertNotEquals(0, p.exitValue());
            String out = Files.readString(log);
            assertTrue(out.contains("ArbDesk cannot start: JWT_SECRET is required in production mode"), out);
            assertFalse(out.contains("\tat com.arbdesk"), "no stack trace of our code for a configuration error:\n" + out);
        } finally {
            TestServer.deleteTree(dir);
        }
    }

    @Test
    void productionStartsWithStrongSecretsSeedsNoDemoUsersAndCreatesTheConfiguredAdmin() {
        Map<String, String> env = production();
        env.put("ADMIN_EMAIL", "ops@example.com");
        env.put("ADMIN_PASSWORD", "a-very-long-admin-passphrase");
        try (TestServer server = TestServer.start(env)) {
            assertEquals("production", server.client().get("/health").json().path("mode").asText());
            TestClient.Res demo = server.client().postJson("/api/auth/login",
                    "{\"email\":\"" + DemoAccounts.USER_EMAIL + "\",\"password\":\"" + DemoAccounts.USER_PASSWORD + "\"}");
            assertEquals(401, demo.status(), "no demo accounts in production");
            String token = server.client().login("ops@example.com", "a-very-long-admin-passphrase");
            TestClient admin = server.client().withBearer(token);
            assertEquals(403, admin.get("/api/admin/users").status(), "production: no admin action before a second factor");
            SecondFactors.enrol(admin);
            assertEquals(200, admin.get("/api/admin/users").status());
            assertFalse(server.logText().contains("DEMO MODE"));
            assertEquals(404, server.client().get("/sandbox/nowpayments/v1/status").status(), "no sandbox in production");
            assertEquals(404, server.client().get("/sandbox/nowpayments/").status());
        }
    }
}
