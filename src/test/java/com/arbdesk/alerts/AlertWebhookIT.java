package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.WsClient;
import com.arbdesk.web.AuthCookies;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert matching end to end against the simulated market: a rule that matches at once fires after a poll, its
 * webhook reaches a local receiver signed with the user's secret (the HMAC recomputed here), a 500 is retried
 * with the same delivery id, the delivery log shows both attempts, and a redelivery posts the same body again;
 * the live alert_fired event reaches the owner's sockets and no one else's.
 */
class AlertWebhookIT {
    static TestServer server;
    static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        server = TestServer.start(Map.of("ARBITRAGE_POLL_SECONDS", "1", "ALERT_WEBHOOK_BACKOFF", "1s,1s,1s",
                "ALERT_COOLDOWN_SECONDS", "3600"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        receiver.close();
    }

    static TestClient.Res put(TestClient c, String path, String json) {
        return c.send(c.builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void aFiringIsPostedSignedRetriedAfterA500AndCanBeRedelivered() throws java.io.IOException {
        TestClient me = server.client();
        me.withBearer(me.signup("hook-" + UUID.randomUUID() + "@example.com", "a long passphrase"));
        TestClient.Res hook = put(me, "/api/alerts/webhook", "{\"url\":\"" + receiver.url() + "\"}");
        assertEquals(200, hook.status(), hook.body());
        String secret = hook.json().path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), hook.body());
        receiver.answer(500);

        TestClient.Res rule = me.postJson("/api/alerts/rules", """
                {"pair":"","buy_exchange":"","sell_exchange":"","size_usd":"100","min_net_pct":"-100","min_duration_seconds":0}""");
        assertEquals(201, rule.status(), rule.body());
        long ruleId = rule.json().path("id").asLong();

        WebhookReceiver.Received first = receiver.next(Duration.ofSeconds(30));
        WebhookReceiver.Received second = receiver.next(Duration.ofSeconds(30));
        for (WebhookReceiver.Received r : new WebhookReceiver.Received[] {first, second}) {
            assertEquals(WebhookSigner.signature(secret, r.body()), r.header("X-ArbDesk-Signature"), "HMAC-SHA256 of the raw body");
            assertEquals("alert.fired", r.header("X-ArbDesk-Event"));
            long ts = Long.parseLong(r.header("X-ArbDesk-Timestamp"));
            assertTrue(Math.abs(ts - Instant.now().getEpochSecond()) < 120, "a current timestamp: " + ts);
            assertTrue(r.header("Content-Type").startsWith("application/json"));
        }
        assertEquals(first.header("X-ArbDesk-Delivery"), second.header("X-ArbDesk-Delivery"), "a retry keeps its delivery id");
        assertEquals(new String(first.body(), StandardCharsets.UTF_8), new String(second.body(), StandardCharsets.UTF_8));
        JsonNode payload = TestClient.JSON.readTree(first.body(), 0, first.body().length);
        assertEquals(first.header("X-ArbDesk-Delivery"), payload.path("id").asText());
        assertEquals(ruleId, payload.path("data").path("rule_id").asLong());
        assertEquals("100", payload.path("data").path("size_usd").asText());
        assertTrue(payload.path("data").path("net_pct").isTextual(), "spreads are decimal strings");

        JsonNode delivered = awaitDelivery(me, first.header("X-ArbDesk-Delivery"), "delivered");
        assertEquals(2, delivered.path("attempts").asInt());
        assertEquals(200, delivered.path("last_status_code").asInt());
        JsonNode log = delivered.path("attempt_log");
        assertEquals(2, log.size(), delivered.toString());
        assertEquals(500, log.get(0).path("status_code").asInt());
        assertEquals("HTTP 500", log.get(0).path("error").asText());
        assertEquals(200, log.get(1).path("status_code").asInt());

        TestClient.Res again = me.postJson("/api/alerts/deliveries/" + delivered.path("id").asLong() + "/redeliver", "");
        assertEquals(201, again.status(), again.body());
        WebhookReceiver.Received third = receiver.next(Duration.ofSeconds(30));
        String newId = again.json().path("delivery_id").asText();
        assertEquals(newId, third.header("X-ArbDesk-Delivery"));
        assertNotEquals(first.header("X-ArbDesk-Delivery"), newId, "a redelivery is a new delivery");
        assertEquals(new String(first.body(), StandardCharsets.UTF_8), new String(third.body(), StandardCharsets.UTF_8), "the same body");
        assertEquals(WebhookSigner.signature(secret, third.body()), third.header("X-ArbDesk-Signature"));
        JsonNode redelivered = awaitDelivery(me, newId, "delivered");
        assertEquals(delivered.path("id").asLong(), redelivered.path("redelivery_of").asLong());

        JsonNode firings = me.get("/api/alerts/firings").json();
        assertTrue(firings.path("firings").size() >= 1, firings.toString());
        assertEquals(ruleId, firings.path("firings").get(0).path("rule_id").asLong());
        assertTrue(firings.path("unread").asLong() >= 1);
        assertEquals(0, me.postJson("/api/alerts/firings/seen", "").json().path("unread").asLong(), "seen clears the badge");
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveries() {
        TestClient me = server.client();
        me.withBearer(me.signup("rotate-" + UUID.randomUUID() + "@example.com", "a long passphrase"));
        String old = put(me, "/api/alerts/webhook", "{\"url\":\"" + receiver.url() + "\"}").json().path("secret").asText();
        TestClient.Res rotated = me.postJson("/api/alerts/webhook/secret", "");
        assertEquals(200, rotated.status(), rotated.body());
        String fresh = rotated.json().path("secret").asText();
        assertNotEquals(old, fresh);
        assertEquals(fresh, me.get("/api/alerts/webhook").json().path("secret").asText(), "revealable to its owner");
        assertEquals(400, put(me, "/api/alerts/webhook", "{\"url\":\"ftp://example.com/\"}").status());
        assertEquals("url", put(me, "/api/alerts/webhook", "{\"url\":\"file:///etc/passwd\"}").json().path("error").path("field").asText());
    }

    @Test
    void theFiringReachesTheOwnersSocketsOnly() throws java.io.IOException {
        TestClient owner = server.client();
        String ownerToken = owner.signup("ws-" + UUID.randomUUID() + "@example.com", "a long passphrase");
        TestClient other = server.client();
        String otherToken = other.signup("ws-other-" + UUID.randomUUID() + "@example.com", "a long passphrase");
        String ws = "ws://localhost:" + server.port() + "/ws";
        try (WsClient mine = WsClient.connect(ws, Map.of("Cookie", AuthCookies.SESSION + "=" + ownerToken));
             WsClient theirs = WsClient.connect(ws, Map.of("Cookie", AuthCookies.SESSION + "=" + otherToken))) {
            assertTrue(mine.next(Duration.ofSeconds(5)).contains("\"hello\""));
            assertTrue(theirs.next(Duration.ofSeconds(5)).contains("\"hello\""));
            owner.withBearer(ownerToken);
            assertEquals(201, owner.postJson("/api/alerts/rules", """
                    {"pair":"BTC/USDT","size_usd":"100","min_net_pct":"-100","min_duration_seconds":2}""").status());
            JsonNode event = TestClient.JSON.readTree(mine.next(Duration.ofSeconds(30)));
            assertEquals("alert_fired", event.path("event").asText(), event.toString());
            assertTrue(event.path("seq").asLong() > 0, "kept for catch-up like deposit events");
            JsonNode d = event.path("data");
            assertEquals("BTC/USDT", d.path("pair").asText());
            assertTrue(d.path("held_seconds").asLong() >= 2, "held for the rule's 2 s: " + d);
            assertEquals(1, d.path("unread").asLong());
            assertThrows(AssertionError.class, () -> theirs.next(Duration.ofSeconds(3)), "nothing for another user");
        }
    }

    private static JsonNode awaitDelivery(TestClient me, String deliveryId, String status) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode d : me.get("/api/alerts/deliveries").json()) {
                if (d.path("delivery_id").asText().equals(deliveryId)) {
                    last = d;
                    if (d.path("status").asText().equals(status)) {
                        return d;
                    }
                }
            }
            sleep(200);
        }
        throw new AssertionError("delivery " + deliveryId + " never became " + status + ": " + last);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
