package com.arbdesk.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs of a full run with known secrets (JSON format): every line one JSON event, libraries quiet at
 * INFO, no start-up noise, the request id echoed and in error bodies, and not one secret or IPN signature
 * anywhere in the output.
 */
class LoggingIT {
    static final String JWT = "jwt-secret-for-the-logging-test-0123456789";
    static final String WS = "ws-secret-for-the-logging-test-9876543210ab";
    static final String IPN = "ipn-secret-for-the-logging-test-5f3e2d1c";
    static final String API_KEY = "api-key-for-the-logging-test-77aa";
    static final String ADMIN_PASSWORD = "admin-passphrase-for-logging-test";
    static TestServer server;
    static final List<String> signatures = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("LOG_FORMAT", "json", "JWT_SECRET", JWT, "WS_SECRET", WS,
                "NOWPAYMENTS_IPN_SECRET", IPN, "NOWPAYMENTS_API_KEY", API_KEY, "APP_MODE", "demo",
                "ADMIN_EMAIL", "ops@example.com", "ADMIN_PASSWORD", ADMIN_PASSWORD, "SANDBOX_STEP_MILLIS", "50"));
        driveAFullRun();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A login (and a failed one), a deposit paid through the sandbox, a genuine and a forged IPN. */
    static void driveAFullRun() {
        TestClient anon = server.client();
        assertEquals(401, anon.postJson("/api/auth/login", "{\"email\":\"ops@example.com\",\"password\":\"wrong " + ADMIN_PASSWORD + "\"}").status());
        TestClient admin = anon.withBearer(anon.login("ops@example.com", ADMIN_PASSWORD));
        assertEquals(200, admin.get("/api/ws-token").status());
        TestClient user = server.client();
        user = user.withBearer(user.signup("log-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase"));
        TestClient.Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"40.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        JsonNode d = created.json();
        assertEquals(200, server.client().postJson("/sandbox/nowpayments/control/payments/" + d.path("payment_id").asText()
                + "/pay", "{}").status());
        awaitBalance(user, "40.00");

        Map<String, Object> fields = new TreeMap<>();
        fields.put("payment_id", Long.parseLong(d.path("payment_id").asText()));
        fields.put("payment_status", "finished");
        fields.put("pay_address", d.path("pay_address").asText());
        fields.put("price_amount", d.path("price_amount").asText());
        fields.put("price_currency", "usd");
        fields.put("pay_amount", d.path("pay_amount").asText());
        fields.put("actually_paid", d.path("pay_amount").asText());
        fields.put("pay_currency", d.path("pay_currency").asText());
        fields.put("order_id", "deposit_" + admin.get("/api/admin/deposits/" + d.path("transaction_id").asLong()).json()
                .path("user_id").asText() + "_" + d.path("transaction_id").asLong());
        String body = IpnTestSigner.canonicalOf(fields);
        String genuine = IpnTestSigner.sign(IPN, body);
        String forged = IpnTestSigner.sign("not-the-secret", body);
        signatures.add(genuine);
        signatures.add(forged);
        assertEquals(200, anon.postJson("/api/nowpayments/ipn", body, Map.of("x-nowpayments-sig", genuine)).status());
        TestClient.Res refused = anon.postJson("/api/nowpayments/ipn", body, Map.of("x-nowpayments-sig", forged));
        assertNotEquals(200, refused.status(), refused.body());
    }

    static void awaitBalance(TestClient user, String usd) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!user.get("/api/me").json().path("balance_usd").asText().equals(usd) && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertEquals(usd, user.get("/api/me").json().path("balance_usd").asText());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : server.logText().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = TestClient.JSON.readTree(line);
                assertTrue(n.isObject() && n.has("time") && n.has("level") && n.has("logger") && n.has("message"),
                        "not a log event: " + line);
                out.add(n);
            } catch (JsonProcessingException e) {
                throw new AssertionError("a log line that is not one JSON event: " + line, e);
            }
        }
        return out;
    }

    @Test
    void everyLineIsOneJsonEventAndStartUpSaysOnlyWhatAnOperatorNeeds() {
        List<JsonNode> events = events();
        String log = server.logText();
        assertTrue(events.stream().anyMatch(e -> e.path("message").asText().contains("is running at " + server.baseUrl() + "/")), log);
        assertTrue(events.stream().anyMatch(e -> e.path("message").asText().startsWith("NOWPayments check")), log);
        for (JsonNode e : events) {
            if (e.path("level").asText().equals("INFO")) {
                assertTrue(e.path("logger").asText().startsWith("com.arbdesk."), "a library talks at INFO: " + e);
            }
        }
        assertFalse(log.contains("Unknown class loader"), log);
        assertFalse(log.contains("SLF4J"), log);
        assertFalse(log.contains("Initializing ProtocolHandler"), log);
    }

    @Test
    void noSecretAndNoSignatureIsEverLogged() {
        String log = server.logText();
        for (String secret : List.of(JWT, WS, IPN, API_KEY, ADMIN_PASSWORD)) {
            assertFalse(log.contains(secret), "a secret is in the log: " + secret.substring(0, 8) + "...");
        }
        for (String sig : signatures) {
            assertFalse(log.contains(sig.substring(0, 32)), "an IPN signature (or its start) is in the log");
        }
        assertFalse(log.matches("(?s).*[0-9a-f]{128}.*"), "something shaped like a full HMAC-SHA512 is in the log");
    }

    @Test
    void theRequestIdIsEchoedAndInEveryErrorBody() {
        TestClient c = server.client();
        TestClient.Res r = c.send(c.builder("/api/no-such-thing").header("X-Request-Id", "it-req-42").GET());
        assertEquals(404, r.status());
        assertEquals("it-req-42", r.header("X-Request-Id").orElseThrow());
        assertEquals("it-req-42", r.json().path("error").path("request_id").asText(), r.body());

        TestClient.Res unsafe = c.send(c.builder("/api/me").header("X-Request-Id", "x".repeat(100)).GET());
        assertEquals(401, unsafe.status());
        String generated = unsafe.header("X-Request-Id").orElseThrow();
        assertNotEquals("x".repeat(100), generated, "an over-long id is replaced");
        assertEquals(generated, unsafe.json().path("error").path("request_id").asText(), unsafe.body());

        TestClient.Res fresh = c.get("/health");
        assertTrue(fresh.header("X-Request-Id").orElseThrow().length() >= 16);

        // an error Tomcat raises before the application runs carries one too
        TestClient.Res encoded = c.send(c.builder("/api/a%2fb").header("X-Request-Id", "it-req-43").GET());
        assertEquals(400, encoded.status());
        assertEquals("it-req-43", encoded.header("X-Request-Id").orElseThrow());
        assertEquals("it-req-43", encoded.json().path("error").path("request_id").asText(), encoded.body());
    }
}
