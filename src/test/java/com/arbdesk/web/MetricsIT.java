package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics only with the token; the counters move after an IPN and a deposit, the provider call is timed, an
 * open socket is counted, and the pool and each exchange's poll age are there.
 */
class MetricsIT {
    static final String TOKEN = "metrics-token-for-the-test-0123";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("METRICS_TOKEN", TOKEN, "NOWPAYMENTS_IPN_SECRET", "metrics-it-ipn-secret"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String scrape() {
        TestClient.Res r = server.client().withBearer(TOKEN).get("/metrics");
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The sum of a metric's series whose labels contain every fragment. */
    static double sum(String text, String metric, String... fragments) {
        double total = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+-]+|NaN)$").matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (java.util.Arrays.stream(fragments).allMatch(labels::contains) && !m.group(2).equals("NaN")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    /** Scrapes until the condition holds (gauges and socket counters move on other threads), at most 10 s. */
    static String awaitScrape(java.util.function.Predicate<String> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text = scrape();
        while (!condition.test(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            text = scrape();
        }
        return text;
    }

    @Test
    void refusedWithoutTheToken() {
        TestClient.Res none = server.client().get("/metrics");
        assertEquals(401, none.status(), none.body());
        assertEquals("unauthenticated", none.json().path("error").path("code").asText());
        assertEquals(401, server.client().withBearer("metrics-token-for-the-test-0124").get("/metrics").status());
        assertTrue(scrape().contains("arbdesk_jvm_memory_used_bytes"), "the JVM is there");
    }

    @Test
    void countersMoveAfterAnIpnAndADeposit() {
        String series = "arbdesk_ipn_total{verdict=\"invalid_signature\"}";
        double before = value(scrape(), series);
        TestClient.Res forged = server.client().postJson("/api/nowpayments/ipn", "{\"payment_id\":1,\"payment_status\":\"finished\"}",
                Map.of("x-nowpayments-sig", "0".repeat(128)));
        assertTrue(forged.status() >= 400, forged.body());
        String after = scrape();
        assertEquals(before + 1, value(after, series), 0.001, after);
        assertTrue(after.contains("arbdesk_ipn_handling_seconds_count{verdict=\"invalid_signature\"}"), after);

        TestClient user = server.client();
        user = user.withBearer(user.signup("m-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase"));
        TestClient.Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"40.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        String later = scrape();
        assertEquals(sum(after, "arbdesk_deposits_total", "coin=\"USDT\"") + 1, sum(later, "arbdesk_deposits_total", "coin=\"USDT\""),
                0.001, later);
        assertTrue(later.contains("arbdesk_reconciler_lag_seconds"), later);
    }

    @Test
    void theProviderTheSocketsThePoolAndThePollsAreMeasured() {
        String before = awaitScrape(t -> t.contains("arbdesk_arbitrage_poll_age_seconds{exchange=\"binance\"} ")
                && !t.contains("arbdesk_arbitrage_poll_age_seconds{exchange=\"binance\"} NaN"));
        for (String name : new String[] {"arbdesk_live_sessions_open ", "arbdesk_live_messages_sent_total ",
            "arbdesk_live_queue_overflows_total ", "arbdesk_live_catchups_total{outcome=\"resumed\"}",
            "arbdesk_live_catchups_total{outcome=\"resync\"}", "arbdesk_arbitrage_poll_age_seconds{exchange=\"kraken\"}",
            "arbdesk_db_readers_active ", "arbdesk_db_readers_max ", "arbdesk_db_writer_active ", "arbdesk_db_writer_waiting "}) {
            assertTrue(before.contains(name), name + " in\n" + before);
        }
        // SQLite: the four reader connections beside the writer; PostgreSQL: the pool's maximum size
        assertTrue(value(before, "arbdesk_db_readers_max") >= 4, before);
        assertTrue(value(before, "arbdesk_arbitrage_poll_age_seconds{exchange=\"binance\"}") < 60, "the simulated source polls");

        double calls = sum(before, "arbdesk_provider_calls_seconds_count", "endpoint=\"/payment\"", "method=\"POST\"");
        TestClient user = server.client();
        String token = user.signup("p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase");
        user = user.withBearer(token);
        TestClient.Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"25.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        String after = scrape();
        assertEquals(calls + 1, sum(after, "arbdesk_provider_calls_seconds_count", "endpoint=\"/payment\"", "method=\"POST\""), 0.001,
                "one POST /payment to the built-in sandbox: " + after);
        assertTrue(after.matches("(?s).*arbdesk_provider_calls_seconds_sum\\{endpoint=\"/payment\",method=\"POST\",status=\"20[01]\"}.*"), after);

        double open = value(after, "arbdesk_live_sessions_open");
        double sent = value(after, "arbdesk_live_messages_sent_total");
        double catchUps = sum(after, "arbdesk_live_catchups_total");
        try (WsClient ws = WsClient.connect("ws://localhost:" + server.port() + "/ws", Map.of("Cookie", "arbdesk_session=" + token))) {
            assertTrue(ws.next(Duration.ofSeconds(10)).contains("\"hello\""));
            ws.send("{\"type\":\"resume\",\"last_seq\":0}");
            String connected = awaitScrape(t -> sum(t, "arbdesk_live_catchups_total") > catchUps);
            assertEquals(open + 1, value(connected, "arbdesk_live_sessions_open"), 0.001, "the socket is counted while open");
            assertTrue(value(connected, "arbdesk_live_messages_sent_total") >= sent + 1, "its hello was sent");
            assertEquals(catchUps + 1, sum(connected, "arbdesk_live_catchups_total"), 0.001, "its resume was a catch-up");
        }
        String closed = awaitScrape(t -> value(t, "arbdesk_live_sessions_open") == open);
        assertEquals(open, value(closed, "arbdesk_live_sessions_open"), 0.001, "and no longer once closed");
    }
}
