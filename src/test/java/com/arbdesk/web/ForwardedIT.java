package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy at 127.0.0.2 (TRUSTED_PROXIES): its X-Forwarded-For names the client for throttling,
 * sessions and the IPN allow-list; the same header from anyone else changes nothing.
 */
class ForwardedIT {
    static final String PROXY = "127.0.0.2";
    static final String DIRECT = "127.0.0.1";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("TRUSTED_PROXIES", PROXY + "/32", "LOGIN_FAILURES_PER_ADDRESS", "3",
                "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", "100", "NOWPAYMENTS_IPN_ALLOWED_IPS", "203.0.113.0/24"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RawHttp.Answer post(String from, String path, String json, String forwardedFor) {
        Map<String, String> h = forwardedFor == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor, "X-Forwarded-Proto", "https");
        return RawHttp.send(from, server.port(), "POST", path, h, json);
    }

    static RawHttp.Answer badLogin(String from, String forwardedFor, int n) {
        return post(from, "/api/auth/login", "{\"email\":\"nobody-" + n + "@example.com\",\"password\":\"wrong password\"}", forwardedFor);
    }

    @Test
    void loginThrottlingIsKeyedOnTheClientBehindTheProxy() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, badLogin(PROXY, "198.51.100.1", i).status());
        }
        assertEquals(429, badLogin(PROXY, "198.51.100.1", 3).status(), "that client is throttled");
        assertEquals(401, badLogin(PROXY, "198.51.100.2", 4).status(), "another client behind the same proxy is not");
        assertEquals(401, badLogin(PROXY, "6.6.6.6, 198.51.100.2", 5).status(), "what the client prepends is not believed");
    }

    @Test
    void anUntrustedSenderCannotChooseItsAddress() {
        String from = "127.0.0.3";
        for (int i = 0; i < 3; i++) {
            assertEquals(401, badLogin(from, "198.51.100." + (50 + i), 10 + i).status());
        }
        assertEquals(429, badLogin(from, "198.51.100.99", 20).status(), "keyed on the connection, whatever the header says");
    }

    @Test
    void sessionsRecordTheRealClient() {
        RawHttp.Answer login = post(PROXY, "/api/auth/login", "{\"email\":\"" + DemoAccounts.USER_EMAIL + "\",\"password\":\""
                + DemoAccounts.USER_PASSWORD + "\"}", "198.51.100.77");
        assertEquals(200, login.status(), login.body());
        String token = json(login.body()).path("token").asText();
        JsonNode sessions = json(server.client().withBearer(token).get("/api/me/sessions").body());
        boolean seen = false;
        for (JsonNode s : sessions.isArray() ? sessions : sessions.path("sessions")) {
            seen |= s.path("client_address").asText().equals("198.51.100.77");
        }
        assertEquals(true, seen, sessions.toString());
    }

    @Test
    void ipnsFromOutsideTheAllowListAreRefusedBeforeAnythingElse() {
        RawHttp.Answer direct = post(DIRECT, "/api/nowpayments/ipn", "{\"payment_id\":1}", null);
        assertEquals(403, direct.status(), direct.body());
        assertEquals("forbidden", json(direct.body()).path("error").path("code").asText());
        assertEquals(direct.header("X-Request-Id"), json(direct.body()).path("error").path("request_id").asText());
        assertEquals(403, post(PROXY, "/api/nowpayments/ipn", "{\"payment_id\":1}", "198.51.100.9").status());
        RawHttp.Answer allowed = post(PROXY, "/api/nowpayments/ipn", "{\"payment_id\":1}", "203.0.113.7");
        assertEquals(401, allowed.status(), "an allowed sender reaches the signature check: " + allowed.body());
    }

    static JsonNode json(String body) {
        try {
            return TestClient.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
