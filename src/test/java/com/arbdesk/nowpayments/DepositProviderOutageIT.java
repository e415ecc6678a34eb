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
