package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider outage while creating a deposit: a clear 503, never a stack trace, never a half-created deposit. */
class DepositProviderOutageIT {
    private static final String BODY = "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"50.00\",\"mode\":\"payment\"}";

    private static TestClient user(TestServer server) {
        TestClient u = server.client();
        return u.withBearer(u.signup("outage@example.com", "a long passphrase"));
    }

    @Test
    void providerDownBeforeAnythingIsWrittenLeavesNoRow() {
        Map<String, String> env = Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", "k",
                "NOWPAYMENTS_API_URL", "http://127.0.0.1:" + StubProvider.closedPort() + "/v1");
        try (TestServer server = TestServer.start(env)) {
            TestClient.Res r = user(server).postJson("/api/deposits/create", BODY);
            assertEquals(503, r.status(), r.body());
            assertEquals("provider_unavailable", r.errorCode());
            assertFalse(r.body().contains("Exception"));
            assertEquals(0, server.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit'"));
        }
    }

    @Test
    void theProviderIsCalledWithTheExplicitTickerOrderIdAndCallbackAndDisabledCoinsAreRefused() throws Exception {
        try (StubProvider stub = StubProvider.start()) {
            stub.on("GET /status", 200, "{\"message\":\"OK\"}")
                    .on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[\"usdttrc20\",\"btc\"]}")
                    .on("GET /min-amount", 200, "{\"currency_from\":\"usdttrc20\",\"currency_to\":\"usdttrc20\",\"min_amount\":10,\"fiat_equivalent\":10}")
                    .on("POST /payment", 201, "{\"payment_id\":\"5077125051\",\"payment_status\":\"waiting\",\"pay_address\":\"TXYZ\","
                            + "\"price_amount\":50,\"price_currency\":\"usd\",\"pay_amount\":50,\"pay_currency\":\"usdttrc20\","
                            + "\"order_id\":\"x\",\"created_at\":\"2026-11-22T10:00:00.000Z\",\"updated_at\":\"2026-11-22T10:00:00.000Z\","
                            + "\"purchase_id\":\"1\",\"expiration_estimate_date\":\"2026-11-22T10:20:00.000Z\"}");
            try (TestServer server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", "k",
                    "NOWPAYMENTS_API_URL", stub.baseUrl(), "APP_BASE_URL", "https://desk.example.com"))) {
                TestClient u = user(server);
                long deadline = System.nanoTime() + 20_000_000_000L;
                TestClient.Res disabled = u.postJson("/api/deposits/create",
                        "{\"currency\":\"USDT\",\"network\":\"TON\",\"amount_usd\":\"50.00\"}");
                while (disabled.status() != 400 && System.nanoTime() < deadline) { // until the start-up check has run
                    Thread.sleep(200);
                    disabled = u.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TON\",\"amount_usd\":\"50.00\"}");
                }
                assertEquals(400, disabled.status(), disabled.body());
                assertEquals("network", disabled.json().at("/error/field").asText());
                TestClient.Res ok = u.postJson("/api/deposits/create", BODY);
                assertEquals(201, ok.status(), ok.body());
                String sent = stub.requests("POST /payment").get(0).body();
                long id = ok.json().path("transaction_id").asLong();
                long userId = u.get("/api/me").json().path("id").asLong();
                assertTrue(sent.contains("\"pay_currency\":\"usdttrc20\""), sent);
                assertTrue(sent.contains("\"price_currency\":\"usd\""), sent);
                assertTrue(sent.contains("\"order_id\":\"deposit_" + userId + "_" + id + "\""), sent);
                assertTrue(sent.contains("\"ipn_callback_url\":\"https://desk.example.com/api/nowpayments/ipn\""), sent);
                assertTrue(sent.contains("\"price_amount\":50.00") || sent.contains("\"price_amount\":50"), sent);
            }
        }
    }

    @Test
    void providerFailingOnCreateMarksTheRowFailedWithTheReason() {
        try (StubProvider stub = StubProvider.start()) {
            stub.on("GET /status", 200, "{\"message\":\"OK\"}")
                    .on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[\"usdttrc20\"]}")
                    .on("GET /min-amount", 200, "{\"currency_from\":\"usdttrc20\",\"currency_to\":\"usdttrc20\",\"min_amount\":10,\"fiat_equivalent\":10}")
                    .on("POST /payment", 500, "{\"status\":false,\"statusCode\":500,\"code\":\"INTERNAL_ERROR\",\"message\":\"Internal server error\"}");
            try (TestServer server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", "k",
                    "NOWPAYMENTS_API_URL", stub.baseUrl()))) {
                TestClient u = user(server);
                TestClient.Res r = u.postJson("/api/deposits/create", BODY);
                assertEquals(503, r.status(), r.body());
                assertTrue(r.json().at("/error/message").asText().contains("try again"), r.body());
                assertEquals(1, stub.requests("POST /payment").size(), "a create is never retried");
                assertEquals(1, server.ledger().count("SELECT COUNT(*) FROM transactions WHERE type = 'deposit' AND status = 'failed'"
                        + " AND failure_reason IS NOT NULL AND payment_id IS NULL"));
                assertEquals("failed", u.get("/api/transactions").json().path("items").get(0).path("status").asText());
            }
        }
    }
}
