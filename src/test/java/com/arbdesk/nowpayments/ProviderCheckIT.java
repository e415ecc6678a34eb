package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up provider check: its log line and health state for each failure, and the app starts regardless. */
class ProviderCheckIT {

    private static JsonNode awaitChecked(TestServer server) {
        TestClient admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = admin.get("/api/admin/provider").json();
            if (!last.path("state").asText().equals("checking") && (last.path("reachable").asBoolean()
                    || server.logText().contains("NOWPayments check"))) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the provider check did not finish: " + last);
    }

    private static Map<String, String> pointedAt(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("NOWPAYMENTS_API_URL", url);
        env.put("NOWPAYMENTS_API_KEY", "some-key");
        env.put("APP_MODE", "demo");
        return env;
    }

    @Test
    void theBuiltInSandboxIsHealthyInDemoMode() {
        try (TestServer server = TestServer.start()) {
            JsonNode h = awaitChecked(server);
            assertEquals("healthy", h.path("state").asText(), h.toString());
            assertTrue(h.path("built_in_sandbox").asBoolean());
            assertTrue(h.path("enabled_coins").size() >= 12);
            assertTrue(server.logText().contains("NOWPayments check: OK"));
            String page = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD))
                    .get("/admin").body();
            assertTrue(page.contains("data-testid=\"provider-state\">healthy"), "the back office shows it");
        }
    }

    @Test
    void aProviderThatIsDownIsReportedAndTheAppStillStarts() {
        try (TestServer server = TestServer.start(pointedAt("http://127.0.0.1:" + StubProvider.closedPort() + "/v1"))) {
            JsonNode h = awaitChecked(server);
            assertEquals("unhealthy", h.path("state").asText());
            assertFalse(h.path("reachable").asBoolean());
            assertTrue(server.logText().contains("NOWPayments check failed"), server.logText());
            assertEquals(200, server.client().get("/health").status());
        }
    }

    @Test
    void anInvalidKeyTellsTheAdminToCheckIt() {
        try (StubProvider stub = StubProvider.start()) {
            stub.on("GET /status", 200, "{\"message\":\"OK\"}")
                    .on("GET /merchant/coins", 403, "{\"status\":false,\"statusCode\":403,\"code\":\"INVALID_API_KEY\",\"message\":\"Invalid api key\"}");
            try (TestServer server = TestServer.start(pointedAt(stub.baseUrl()))) {
                JsonNode h = awaitChecked(server);
                assertFalse(h.path("key_valid").asBoolean());
                assertTrue(h.path("message").asText().contains("dashboard"), h.toString());
                assertTrue(server.logText().contains("NOWPayments check failed"), server.logText());
            }
        }
    }

    @Test
    void aDisabledCoinIsNamedWithAHint() {
        try (StubProvider stub = StubProvider.start()) {
            stub.on("GET /status", 200, "{\"message\":\"OK\"}")
                    .on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[\"usdttrc20\",\"usdterc20\",\"usdtbsc\",\"usdtmatic\","
                            + "\"usdtsol\",\"btc\",\"eth\",\"usdc\",\"usdcmatic\",\"usdcsol\",\"usdcbsc\"]}");
            try (TestServer server = TestServer.start(pointedAt(stub.baseUrl()))) {
                JsonNode h = awaitChecked(server);
                assertEquals("unhealthy", h.path("state").asText());
                assertEquals("usdtton", h.path("missing_coins").get(0).asText());
                assertTrue(h.path("hints").toString().toLowerCase().contains("usdtton"), h.toString());
                assertTrue(server.logText().contains("USDTTON") || server.logText().contains("usdtton"), server.logText());
            }
        }
    }
}
