package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How provider failures are classified, and which ones are retried (idempotent GETs only). */
class NowPaymentsClientErrorsTest {

    private static final String KEY = NowPaymentsClientTest.KEY;
    private static final CreatePaymentRequest PAYMENT =
            CreatePaymentRequest.of(new BigDecimal("25.00"), "usd", "usdttrc20", null, "dep-7", null);

    private final StubProvider stub = StubProvider.start();
    private final NowPaymentsClient client = new NowPaymentsClient(NowPaymentsClientTest.settings(stub.baseUrl()));

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void invalidApiKey() {
        stub.on("GET /merchant/coins", 403, ProviderSamples.ERROR_INVALID_API_KEY);
        NowPaymentsException e = failure(client::merchantCoins);
        assertEquals(Kind.INVALID_API_KEY, e.kind());
        assertEquals(403, e.httpStatus());
        assertEquals("INVALID_API_KEY", e.providerCode());
        assertEquals("Invalid api key", e.providerMessage());
        assertTrue(e.userMessage().contains("NOWPAYMENTS_API_KEY"), e.userMessage());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void invalidRequestKeepsTheProviderMessageNamingTheField() {
        stub.on("POST /invoice", 400, ProviderSamples.ERROR_INVALID_PARAMS);
        NowPaymentsException e = failure(() -> client.createInvoice(new CreateInvoiceRequest(BigDecimal.TEN, "usd",
                null, null, null, null, "https://arbdesk.example/a|b", null, null, false, false)));
        assertEquals(Kind.INVALID_REQUEST, e.kind());
        assertEquals("INVALID_REQUEST_PARAMS", e.providerCode());
        assertEquals("success_url must be a valid uri", e.providerMessage());
        assertTrue(e.userMessage().contains("success_url must be a valid uri"));
    }

    @Test
    void amountBelowMinimum() {
        stub.on("POST /payment", 400, ProviderSamples.ERROR_AMOUNT_MINIMAL);
        assertEquals(Kind.AMOUNT_TOO_LOW, failure(() -> client.createPayment(PAYMENT)).kind());
    }

    @Test
    void amountBelowMinimumRecognisedByMessageAlone() {
        stub.on("POST /payment", 400, "{\"status\":false,\"statusCode\":400,\"message\":\"amountTo is too small\"}");
        assertEquals(Kind.AMOUNT_TOO_LOW, failure(() -> client.createPayment(PAYMENT)).kind());
    }

    @Test
    void currencyUnavailableOn500IsNeitherUnavailableNorRetried() {
        stub.on("POST /payment", 500, ProviderSamples.ERROR_CURRENCY_UNAVAILABLE);
        NowPaymentsException e = failure(() -> client.createPayment(PAYMENT));
        assertEquals(Kind.CURRENCY_UNAVAILABLE, e.kind());
        assertEquals(500, e.httpStatus());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void unknownCurrencyOn404IsCurrencyUnavailable() {
        stub.on("GET /estimate", 404, ProviderSamples.ERROR_CURRENCY_NOT_FOUND);
        NowPaymentsException e = failure(() -> client.estimate(BigDecimal.ONE, "usd", "cup"));
        assertEquals(Kind.CURRENCY_UNAVAILABLE, e.kind());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void unknownPaymentIsNotFound() {
        stub.on("GET /payment/1", 404, "{\"status\":false,\"statusCode\":404,\"code\":\"NOT_FOUND\",\"message\":\"Payment not found\"}");
        assertEquals(Kind.NOT_FOUND, failure(() -> client.getPayment("1")).kind());
    }

    @Test
    void rateLimitHtmlIsTruncatedRetriedAndNeverShowsTheKey() {
        stub.onHtml("GET /currencies", 429, ProviderSamples.RATE_LIMIT_HTML.replace("nginx", "nginx " + KEY));
        NowPaymentsException e = failure(client::currencies);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(429, e.httpStatus());
        assertTrue(e.providerMessage().startsWith("<html> <head><title>429 Too Many Requests"), e.providerMessage());
        assertTrue(e.providerMessage().length() <= ProviderErrors.MAX_RAW_CHARS + 3);
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("[redacted]"), e.getMessage());
        assertEquals(3, stub.requests().size(), "1 try + maxRetries 2");
    }

    @Test
    void connectionRefusedIsUnavailable() {
        NowPaymentsClient closed = new NowPaymentsClient(
                NowPaymentsClientTest.settings("http://127.0.0.1:" + StubProvider.closedPort() + "/v1"));
        NowPaymentsException e = failure(closed::merchantCoins);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(0, e.httpStatus());
        assertEquals("The payment provider is not reachable right now. Please try again in a minute.", e.userMessage());
    }

    @Test
    void slowAnswerIsTimeout() {
        NowPaymentsClient impatient = new NowPaymentsClient(new NowPaymentsClient.Settings(stub.baseUrl(), KEY,
                null, null, Duration.ofMillis(500), Duration.ofMillis(300), 0, Duration.ofMillis(5)));
        stub.onSlow("GET /payment/42", Duration.ofMillis(1500), 200, ProviderSamples.GET_PAYMENT_2025);
        long start = System.nanoTime();
        NowPaymentsException e = failure(() -> impatient.getPayment("42"));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1200);
    }

    @Test
    void getIsRetriedAfter503AndSucceedsWithExactlyTwoRequests() {
        stub.on("GET /merchant/coins", 503, "<html>503 Service Temporarily Unavailable</html>")
                .on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[\"btc\"]}");
        assertEquals(java.util.List.of("btc"), client.merchantCoins());
        assertEquals(2, stub.requests().size());
    }

    @Test
    void getRetriesAreBoundedByMaxRetries() {
        stub.on("GET /status", 502, "bad gateway");
        assertEquals(Kind.UNAVAILABLE, failure(client::status).kind());
        assertEquals(3, stub.requests().size());
    }

    @Test
    void postIsNeverRetried() {
        stub.on("POST /payment", 503, "<html>503</html>").on("POST /payment", 201, ProviderSamples.CREATE_PAYMENT_2025);
        NowPaymentsException e = failure(() -> client.createPayment(PAYMENT));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void clientErrorsAreNotRetried() {
        stub.on("GET /min-amount", 400, "{\"status\":false,\"statusCode\":400,\"code\":\"INVALID_REQUEST_PARAMS\","
                + "\"message\":\"currency_from must only contain alpha-numeric characters\"}");
        assertEquals(Kind.INVALID_REQUEST, failure(() -> client.minAmount("eth", null, null)).kind());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void unreadableSuccessIsUnexpected() {
        stub.onHtml("GET /currencies", 200, "<html>maintenance</html>");
        stub.on("GET /full-currencies", 200, "{\"nothing\":true}");
        stub.on("GET /payment/9", 200, "{\"payment_id\":9,\"payment_status\":\"waiting\",\"pay_amount\":\"abc\"}");
        assertEquals(Kind.UNEXPECTED, failure(client::currencies).kind());
        assertEquals(Kind.UNEXPECTED, failure(client::fullCurrencies).kind());
        NowPaymentsException e = failure(() -> client.getPayment("9"));
        assertEquals(Kind.UNEXPECTED, e.kind());
        assertTrue(e.getMessage().contains("pay_amount"), e.getMessage());
    }

    @Test
    void missingApiKeyFailsWithoutCalling() {
        NowPaymentsClient keyless = new NowPaymentsClient(NowPaymentsClient.Settings.of(stub.baseUrl(), " "));
        assertEquals(Kind.INVALID_API_KEY, failure(keyless::merchantCoins).kind());
        assertTrue(stub.requests().isEmpty());
    }

    @Test
    void invalidArgumentsAreRefusedBeforeAnyRequest() {
        assertEquals(Kind.INVALID_REQUEST, failure(() -> client.estimate(BigDecimal.ZERO, "usd", "btc")).kind());
        assertEquals(Kind.INVALID_REQUEST, failure(() -> client.minAmount("eth&x=1", null, null)).kind());
        assertEquals(Kind.INVALID_REQUEST, failure(() -> CreatePaymentRequest.of(new BigDecimal("-1"), "usd", "btc",
                null, null, null)).kind());
        assertEquals(Kind.INVALID_REQUEST, failure(() -> CreatePaymentRequest.of(BigDecimal.ONE, "usd", null,
                null, null, null)).kind());
        assertTrue(stub.requests().isEmpty());
    }

    @Test
    void settingsNeverPrintSecrets() {
        String s = NowPaymentsClientTest.settings(stub.baseUrl()).withCredentials("a@b.c", "pw-123").toString();
        assertFalse(s.contains(KEY) || s.contains("pw-123"), s);
    }

    private static NowPaymentsException failure(Executable call) {
        return assertThrows(NowPaymentsException.class, call);
    }
}
