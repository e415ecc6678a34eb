package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One contract, asserted through the production client against the built-in sandbox over HTTP.
 * Set NOWPAYMENTS_CONTRACT_URL (e.g. https://api-sandbox.nowpayments.io/v1) and
 * NOWPAYMENTS_CONTRACT_API_KEY to run the same assertions against the provider's own sandbox;
 * {@link #theProvidersRealSandboxKeepsTheSameContract} is skipped without them.
 */
class SandboxContractIT {
    static final String KEY = "contract-test-key";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("NOWPAYMENTS_API_KEY", KEY, "APP_MODE", "demo"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static NowPaymentsClient client(String url, String key) {
        return new NowPaymentsClient(NowPaymentsClient.Settings.of(url, key).withCredentials("merchant@example.com", "secret-pass"));
    }

    /** The assertions any implementation of the provider API must pass. */
    static void assertContract(NowPaymentsClient c, String ipnUrl) {
        assertTrue(c.status().ok());
        List<String> coins = c.merchantCoins();
        assertTrue(coins.contains("usdttrc20") && coins.contains("btc"), coins.toString());
        assertFalse(c.currencies().isEmpty());
        assertTrue(c.fixedRateCurrencies().stream().anyMatch(l -> l.currency().equals("usdttrc20") && l.minAmount() != null));
        assertTrue(c.fullCurrencies().stream().anyMatch(f -> f.code().equals("usdttrc20") && "trx".equals(f.network())));

        MinAmount min = c.minAmount("usdttrc20", "usdttrc20", "usd");
        assertTrue(min.minAmount().signum() > 0);
        Estimate est = c.estimate(new BigDecimal("50"), "usd", "btc");
        assertTrue(est.estimatedAmount().signum() > 0 && est.estimatedAmount().compareTo(BigDecimal.ONE) < 0);

        Payment created = c.createPayment(new CreatePaymentRequest(new BigDecimal("50.00"), "usd", "usdttrc20", null, ipnUrl,
                "contract-" + System.nanoTime(), "contract test", false, false, null, null));
        assertTrue(created.paymentId().matches("\\d+"));
        assertEquals("waiting", created.status());
        assertTrue(created.payAddress().startsWith("T"), created.payAddress());
        assertTrue(created.payAmount().signum() > 0);
        assertEquals("usdttrc20", created.payCurrency());
        assertNotNull(created.expirationEstimateDate());
        Duration window = Duration.between(created.createdAt(), created.expirationEstimateDate());
        assertTrue(window.toMinutes() >= 10 && window.toMinutes() <= 30, window.toString());

        Payment read = c.getPayment(created.paymentId());
        assertEquals(created.paymentId(), read.paymentId());
        assertEquals(created.payAddress(), read.payAddress());

        Payment evm = c.createPayment(new CreatePaymentRequest(new BigDecimal("60"), "usd", "usdterc20", null, ipnUrl,
                null, null, false, false, null, null));
        assertTrue(evm.payAddress().matches("0x[0-9a-fA-F]{40}"), evm.payAddress());
        Payment btc = c.createPayment(new CreatePaymentRequest(new BigDecimal("60"), "usd", "btc", null, ipnUrl,
                null, null, false, false, null, null));
        assertTrue(btc.payAddress().startsWith("bc1") || btc.payAddress().startsWith("1") || btc.payAddress().startsWith("3"));

        Invoice invoice = c.createInvoice(new CreateInvoiceRequest(new BigDecimal("25"), "usd", "usdttrc20", ipnUrl,
                "inv-" + System.nanoTime(), "contract invoice", "https://example.com/ok", "https://example.com/cancel", null,
                false, false));
        assertEquals(0, invoice.priceAmount().compareTo(new BigDecimal("25")));
        assertTrue(invoice.invoiceUrl().contains("iid=" + invoice.id()), invoice.invoiceUrl());
        Payment fromInvoice = c.createInvoicePayment(new InvoicePaymentRequest(invoice.id(), "usdttrc20", null, null, null));
        assertEquals(invoice.id(), fromInvoice.invoiceId() == null ? invoice.id() : fromInvoice.invoiceId());

        PaymentPage page = c.listPayments(ListPaymentsQuery.newestFirst(10, 0));
        assertTrue(page.total() >= 1);

        NowPaymentsException low = assertThrows(NowPaymentsException.class, () -> c.createPayment(new CreatePaymentRequest(
                new BigDecimal("0.5"), "usd", "usdttrc20", null, ipnUrl, null, null, false, false, null, null)));
        assertEquals(NowPaymentsException.Kind.AMOUNT_TOO_LOW, low.kind(), low.getMessage());
        NowPaymentsException missing = assertThrows(NowPaymentsException.class, () -> c.getPayment("1"));
        assertEquals(NowPaymentsException.Kind.NOT_FOUND, missing.kind());
    }

    @Test
    void theBuiltInSandboxKeepsTheContract() {
        assertContract(client(server.url("/sandbox/nowpayments/v1"), KEY), server.url("/api/nowpayments/ipn"));
    }

    @Test
    void theProvidersRealSandboxKeepsTheSameContract() {
        String url = System.getenv("NOWPAYMENTS_CONTRACT_URL");
        String key = System.getenv("NOWPAYMENTS_CONTRACT_API_KEY");
        Assumptions.assumeTrue(url != null && key != null,
                "set NOWPAYMENTS_CONTRACT_URL and NOWPAYMENTS_CONTRACT_API_KEY to run the contract against the provider");
        assertContract(client(url, key), "https://example.com/ipn");
    }

    @Test
    void wrongKeyUnknownCoinAndBadIdGetTheProvidersErrors() {
        NowPaymentsClient wrong = client(server.url("/sandbox/nowpayments/v1"), "not-the-key");
        assertEquals(NowPaymentsException.Kind.INVALID_API_KEY, assertThrows(NowPaymentsException.class, wrong::merchantCoins).kind());
        NowPaymentsClient c = client(server.url("/sandbox/nowpayments/v1"), KEY);
        NowPaymentsException unknown = assertThrows(NowPaymentsException.class, () -> c.createPayment(new CreatePaymentRequest(
                new BigDecimal("50"), "usd", "dogeusd", null, null, null, null, false, false, null, null)));
        assertEquals(NowPaymentsException.Kind.CURRENCY_UNAVAILABLE, unknown.kind());
        TestClient raw = server.client();
        TestClient.Res bad = raw.send(raw.builder("/sandbox/nowpayments/v1/payment/abc").header("x-api-key", KEY).GET());
        assertEquals(400, bad.status());
        assertEquals("INVALID_REQUEST_PARAMS", bad.json().path("code").asText());
        assertEquals("Payment id must be a number", bad.json().path("message").asText());
    }

    @Test
    void rawTypesMatchTheProvider() {
        TestClient raw = server.client();
        TestClient.Res created = raw.postJson("/sandbox/nowpayments/v1/payment",
                "{\"price_amount\":50,\"price_currency\":\"usd\",\"pay_currency\":\"usdttrc20\"}", Map.of("x-api-key", KEY));
        assertEquals(201, created.status());
        JsonNode c = created.json();
        assertTrue(c.path("payment_id").isTextual(), "payment_id is a string on create");
        assertTrue(c.path("purchase_id").isTextual());
        TestClient.Res read = raw.send(raw.builder("/sandbox/nowpayments/v1/payment/" + c.path("payment_id").asText())
                .header("x-api-key", KEY).GET());
        assertTrue(read.json().path("payment_id").isNumber(), "payment_id is a number on GET");
        assertEquals("null", read.json().path("burning_percent").asText());
        TestClient.Res invoice = raw.postJson("/sandbox/nowpayments/v1/invoice",
                "{\"price_amount\":1000,\"price_currency\":\"usd\"}", Map.of("x-api-key", KEY));
        assertEquals(201, invoice.status());
        assertTrue(invoice.json().path("price_amount").isTextual(), "an invoice's price_amount is a string");
        TestClient.Res list = raw.send(raw.builder("/sandbox/nowpayments/v1/payment/").header("x-api-key", KEY).GET());
        assertEquals(401, list.status(), "the list needs the JWT");
        assertEquals("AUTH_REQUIRED", list.json().path("code").asText());
    }
}
