package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /api/alerts is each user's own: another user cannot see, change, delete or redeliver my things (404, as if
 * missing), anonymous callers get 401, cookie writes need the CSRF header; validation names the field, the
 * per-user rule cap answers 409 and the change rate limit 429 with Retry-After.
 */
class AlertAccessIT {
    static final String RULE = """
            {"pair":"BTC/USDT","buy_exchange":"binance","sell_exchange":"","size_usd":"1000","min_net_pct":"0.3","min_duration_seconds":10}""";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("ALERT_RULES_PER_USER", "3", "ALERT_CHANGES_PER_USER_PER_MINUTE", "6"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static TestClient user(String prefix) {
        TestClient c = server.client();
        return c.withBearer(c.signup(prefix + "-" + UUID.randomUUID() + "@example.com", "a long passphrase"));
    }

    static TestClient.Res send(TestClient c, String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder b = c.builder(path).method(method, body);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return c.send(b);
    }

    @Test
    void anotherUserCannotReadOrChangeMyRules() {
        TestClient me = user("owner");
        TestClient other = user("other");
        TestClient.Res created = me.postJson("/api/alerts/rules", RULE);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        assertEquals("BTC/USDT", created.json().path("pair").asText());
        assertTrue(created.json().path("sell_exchange").isNull(), "blank is any");
        assertEquals("0.3", created.json().path("min_net_pct").asText());

        assertEquals(0, other.get("/api/alerts/rules").json().path("rules").size(), "not in the other user's list");
        assertEquals(404, send(other, "PUT", "/api/alerts/rules/" + id, RULE.replace("0.3", "-100")).status());
        assertEquals(404, send(other, "DELETE", "/api/alerts/rules/" + id, null).status());
        assertEquals("not_found", send(other, "DELETE", "/api/alerts/rules/" + id, null).errorCode());
        assertEquals(404, other.postJson("/api/alerts/deliveries/1/redeliver", "").status());
        assertEquals("0.3", me.get("/api/alerts/rules").json().path("rules").get(0).path("min_net_pct").asText(), "unchanged");

        TestClient.Res off = send(me, "PUT", "/api/alerts/rules/" + id, RULE.replace("}", ",\"enabled\":false}"));
        assertEquals(200, off.status(), off.body());
        assertFalse(off.json().path("enabled").asBoolean());
        assertEquals(204, send(me, "DELETE", "/api/alerts/rules/" + id, null).status());
        assertEquals(0, me.get("/api/alerts/rules").json().path("rules").size());
    }

    @Test
    void anonymousCallersGet401AndCookieWritesNeedTheCsrfHeader() {
        TestClient anon = server.client();
        for (String[] r : List.of(new String[] {"GET", "/api/alerts/rules"}, new String[] {"POST", "/api/alerts/rules"},
                new String[] {"PUT", "/api/alerts/rules/1"}, new String[] {"DELETE", "/api/alerts/rules/1"},
                new String[] {"GET", "/api/alerts/firings"}, new String[] {"GET", "/api/alerts/webhook"},
                new String[] {"PUT", "/api/alerts/webhook"}, new String[] {"GET", "/api/alerts/deliveries"},
                new String[] {"POST", "/api/alerts/deliveries/1/redeliver"})) {
            TestClient.Res res = send(anon, r[0], r[1], r[0].equals("GET") || r[0].equals("DELETE") ? null : "{}");
            assertEquals(401, res.status(), r[0] + " " + r[1]);
            assertEquals("unauthenticated", res.errorCode(), r[0] + " " + r[1]);
        }
        assertEquals(302, anon.get("/alerts").status(), "the page sends anonymous visitors to the login");

        TestClient browser = server.client();
        browser.signup("cookie-" + UUID.randomUUID() + "@example.com", "a long passphrase"); // cookie session, no bearer
        assertEquals(403, browser.postJson("/api/alerts/rules", RULE).status(), "no X-CSRF-Token");
        assertEquals(201, browser.postJsonWithCsrf("/api/alerts/rules", RULE).status());
    }

    @Test
    void invalidRulesNameTheirFieldAndTheCapAndRateLimitHold() {
        TestClient me = user("limits");
        Map<String, String> bad = Map.of(
                RULE.replace("BTC/USDT", "DOGE/EUR"), "pair",
                RULE.replace("\"binance\"", "\"nowhere\""), "buy_exchange",
                RULE.replace("\"sell_exchange\":\"\"", "\"sell_exchange\":\"binance\""), "sell_exchange",
                RULE.replace("\"1000\"", "\"777\""), "size_usd",
                RULE.replace("\"0.3\"", "\"abc\""), "min_net_pct",
                RULE.replace("\"0.3\"", "\"101\""), "min_net_pct",
                RULE.replace("10}", "-1}"), "min_duration_seconds");
        bad.forEach((body, field) -> {
            TestClient.Res r = me.postJson("/api/alerts/rules", body);
            assertEquals(400, r.status(), body + " → " + r.body());
            assertEquals("validation_failed", r.errorCode());
            assertEquals(field, r.json().path("error").path("field").asText(), r.body());
        });
        for (int i = 0; i < 3; i++) {
            assertEquals(201, me.postJson("/api/alerts/rules", RULE).status());
        }
        TestClient.Res full = me.postJson("/api/alerts/rules", RULE);
        assertEquals(409, full.status(), "ALERT_RULES_PER_USER=3: " + full.body());
        assertEquals("conflict", full.errorCode());
        long id = me.get("/api/alerts/rules").json().path("rules").get(0).path("id").asLong();
        assertEquals(200, send(me, "PUT", "/api/alerts/rules/" + id, RULE).status());
        assertEquals(200, send(me, "PUT", "/api/alerts/rules/" + id, RULE).status());
        TestClient.Res limited = send(me, "PUT", "/api/alerts/rules/" + id, RULE);
        assertEquals(429, limited.status(), "ALERT_CHANGES_PER_USER_PER_MINUTE=6: " + limited.body());
        assertTrue(limited.header("Retry-After").isPresent());
        assertEquals(200, user("fresh").get("/api/alerts/rules").status(), "the limit is per user");
    }
}
