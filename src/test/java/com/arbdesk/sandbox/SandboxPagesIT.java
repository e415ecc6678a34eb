package com.arbdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sandbox's hosted invoice page and control page, and the sandbox running alone. */
class SandboxPagesIT {
    private static final String KEY = "pages-test-key";

    @Test
    void theHostedInvoicePageLetsAPayerPickACoinSeeTheAddressAndPay() throws InterruptedException {
        try (TestServer server = TestServer.start(Map.of("NOWPAYMENTS_API_KEY", KEY, "APP_MODE", "demo", "SANDBOX_STEP_MILLIS", "100"))) {
            TestClient api = server.client();
            TestClient.Res inv = api.postJson("/sandbox/nowpayments/v1/invoice",
                    "{\"price_amount\":40,\"price_currency\":\"usd\",\"order_description\":\"Desk deposit\"}", Map.of("x-api-key", KEY));
            String url = inv.json().path("invoice_url").asText();
            String path = url.substring(server.baseUrl().length());
            String iid = inv.json().path("id").asText();

            TestClient payer = server.client();
            TestClient.Res picker = payer.get(path);
            assertEquals(200, picker.status());
            assertTrue(picker.body().contains("40 USD") && picker.body().contains("Desk deposit"));
            assertTrue(picker.body().contains("Tether USD (Tron)"));
            TestClient.Res chosen = payer.postFormWithCsrf("/sandbox/nowpayments/payment/", Map.of("iid", iid, "coin", "usdttrc20"));
            assertEquals(302, chosen.status());
            TestClient.Res shown = payer.get(path);
            assertTrue(shown.body().contains("data-testid=\"invoice-address\">T"), "a TRC20 address is shown");
            assertTrue(shown.body().contains("data:image/svg+xml;base64,"), "with its QR code");
            Matcher m = Pattern.compile("data-payment-id=\"(\\d+)\"").matcher(shown.body());
            assertTrue(m.find());
            String paymentId = m.group(1);

            assertEquals(302, payer.postFormWithCsrf("/sandbox/nowpayments/payment/", Map.of("iid", iid, "payment", paymentId)).status());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String status = "";
            while (System.nanoTime() < deadline && !status.equals("finished")) {
                status = api.get("/sandbox/nowpayments/control/payments/" + paymentId).json().path("payment_status").asText();
                Thread.sleep(100);
            }
            assertEquals("finished", status);
            assertTrue(payer.get(path).body().contains("status-finished"));
            assertEquals(200, server.client().get("/sandbox/nowpayments/").status(), "the control page");
            assertEquals(404, server.client().get("/sandbox/nowpayments/payment/?iid=1").status());
        }
    }

    @Test
    void theSandboxRunsAloneForOtherApplications() {
        try (TestServer server = TestServer.start(Map.of(), "sandbox")) {
            assertTrue(server.logText().contains("NOWPayments sandbox is running at"), server.logText());
            assertTrue(server.logText().contains("x-api-key:"), "the banner gives the sandbox key");
            assertEquals("OK", server.client().get("/sandbox/nowpayments/v1/status").json().path("message").asText());
            assertEquals(404, server.client().get("/dashboard").status(), "nothing but the sandbox is served");
            assertEquals(404, server.client().get("/api/me").status());
        }
    }
}
