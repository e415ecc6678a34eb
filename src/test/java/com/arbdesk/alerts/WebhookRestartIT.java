package com.arbdesk.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retry state of a webhook delivery is in the database: a delivery that failed on one run is retried by
 * the next run of the server on the same database, under its delivery id, signed with the stored secret.
 */
class WebhookRestartIT {
    @Test
    void aFailedDeliveryIsRetriedAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("arbdesk-restart-");
        Map<String, String> settings = Map.of("DATABASE_PATH", dir.resolve("arbdesk.db").toString(), "ARBITRAGE_POLL_SECONDS", "1",
                "ALERT_WEBHOOK_BACKOFF", "15s", "ALERT_COOLDOWN_SECONDS", "3600");
        String email = "restart-" + UUID.randomUUID() + "@example.com";
        String deliveryId;
        String secret;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            try (TestServer first = TestServer.start(settings)) {
                TestClient me = first.client();
                me.withBearer(me.signup(email, "a long passphrase"));
                secret = AlertWebhookIT.put(me, "/api/alerts/webhook", "{\"url\":\"" + receiver.url() + "\"}").json().path("secret").asText();
                String rule = """
                        {"size_usd":"100","min_net_pct":"-100","min_duration_seconds":0,"enabled":%s}""";
                long id = me.postJson("/api/alerts/rules", rule.formatted("true")).json().path("id").asLong();
                WebhookReceiver.Received failed = receiver.next(Duration.ofSeconds(30));
                deliveryId = failed.header("X-ArbDesk-Delivery");
                assertEquals(200, AlertWebhookIT.put(me, "/api/alerts/rules/" + id, rule.formatted("false")).status());
            } // stopped well within the 15 s before the retry
            java.time.Instant stopped = java.time.Instant.now();
            try (TestServer second = TestServer.start(settings)) {
                WebhookReceiver.Received retried = receiver.next(Duration.ofSeconds(30));
                assertEquals(deliveryId, retried.header("X-ArbDesk-Delivery"), "the same delivery, resumed by the new run");
                org.junit.jupiter.api.Assertions.assertTrue(retried.at().isAfter(stopped), "sent by the second run");
                assertEquals(WebhookSigner.signature(secret, retried.body()), retried.header("X-ArbDesk-Signature"));
                TestClient me = second.client();
                me.withBearer(me.login(email, "a long passphrase"));
                long deadline = System.currentTimeMillis() + 20_000;
                JsonNode d = me.get("/api/alerts/deliveries").json().get(0);
                while (!d.path("status").asText().equals("delivered") && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                    d = me.get("/api/alerts/deliveries").json().get(0);
                }
                assertEquals("delivered", d.path("status").asText(), d.toString());
                assertEquals(2, d.path("attempt_log").size());
                assertEquals(503, d.path("attempt_log").get(0).path("status_code").asInt());
            }
        } finally {
            TestServer.deleteTree(dir);
        }
    }
}
