package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /metrics only with the token; the counters move after an IPN and a deposit. */
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
        assertTrue(later.matches("(?s).*arbdesk_deposits_total\\{[^}]*coin=\"USDT\"[^}]*} 1\\.0.*"), later);
        assertTrue(later.contains("arbdesk_reconciler_lag_seconds"), later);
    }
}
