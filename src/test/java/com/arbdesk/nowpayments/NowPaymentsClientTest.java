package com.arbdesk.nowpayments;

import static com.arbdesk.nowpayments.ProviderSamples.CREATE_PAYMENT_2025;
import static com.arbdesk.nowpayments.ProviderSamples.GET_PAYMENT_2025;
import static com.arbdesk.nowpayments.ProviderSamples.GET_PAYMENT_DRIFTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.NowPaymentsException.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each call against the stub provider, with the provider's real answers and their type drift. */
class NowPaymentsClientTest {

    static final String KEY = "test-api-key-123";

    private final StubProvider stub = StubProvider.start();
    private final NowPaymentsClient client = new NowPaymentsClient(settings(stub.baseUrl()));

    static NowPaymentsClient.Settings settings(String baseUrl) {
        return new NowPaymentsClient.Settings(baseUrl, KEY, null, null, Duration.ofMillis(500),
                Duration.ofSeconds(2), 2, Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void statusIsReadWithoutSendingTheApiKey() {
        stub.on("GET /status", 200, "{\"message\":\"OK\"}");
        assertEquals(new ApiStatus(true, "OK"), client.status());
        assertNull(stub.requests("GET /status").get(0).header("x-api-key"));
    }

    @Test
    void merchantCoinsReadsSelectedCurrenciesWithTheApiKey() {
        stub.on("GET /merchant/coins", 200, "{\"selectedCurrencies\":[\"USDTTRC20\",\"btc\"]}");
        assertEquals(List.of("usdttrc20", "btc"), client.merchantCoins());
        assertEquals(KEY, stub.requests("GET /merchant/coins").get(0).header("x-api-key"));
    }

    @Test
    void merchantCoinsFallsBackToCurrenciesAndBareArray() {
        stub.on("GET /merchant/coins", 200, "{\"currencies\":[\"eth\",\"usdtbsc\"]}")
                .on("GET /merchant/coins", 200, "[\"ton\"]");
        assertEquals(List.of("eth", "usdtbsc"), client.merchantCoins());
        assertEquals(List.of("ton"), client.merchantCoins());
    }

    @Test
    void currenciesListsTickers() {
        stub.on("GET /currencies", 200, "{\"currencies\":[\"btg\",\"eth\",\"xmr\",\"usdterc20\",\"usdttrc20\",\"btc\"]}");
        assertEquals(List.of("btg", "eth", "xmr", "usdterc20", "usdttrc20", "btc"), client.currencies());
    }

    @Test
    void fixedRateCurrenciesAcceptObjectsWithExactLimits() {
        stub.on("GET /currencies?fixed_rate=true", 200, ProviderSamples.FIXED_RATE_OBJECTS);
        List<CurrencyLimit> limits = client.fixedRateCurrencies();
        assertEquals(new CurrencyLimit("usdttrc20", new BigDecimal("15.8759118"), new BigDecimal("87245.577658")),
                limits.get(0));
        assertEquals(new BigDecimal("0.95"), limits.get(1).maxAmount());
        assertEquals("fixed_rate=true", stub.requests().get(0).query());
    }

    @Test
    void fixedRateCurrenciesAcceptTheDocumentedStringList() {
        stub.on("GET /currencies?fixed_rate=true", 200, ProviderSamples.FIXED_RATE_STRINGS);
        assertEquals(List.of(new CurrencyLimit("usdttrc20", null, null), new CurrencyLimit("btc", null, null)),
                client.fixedRateCurrencies());
    }

    @Test
    void fullCurrenciesLowercaseTheCodeAndReadPrecisionEitherWay() {
        stub.on("GET /full-currencies", 200, ProviderSamples.FULL_CURRENCIES);
        List<FullCurrency> all = client.fullCurrencies();
        assertEquals(new FullCurrency("usdttrc20", "Tether USD (Tron)", "trx", true, 6, false,
                "^T[1-9A-HJ-NP-Za-km-z]{33}$"), all.get(0));
        FullCurrency xrp = all.get(1);
        assertEquals("xrp", xrp.code());
        assertFalse(xrp.enabled());
        assertTrue(xrp.extraIdExists());
        assertEquals(6, xrp.precision());
    }

    @Test
    void minAmountSendsTheQueryAndKeepsExactDecimals() {
        stub.on("GET /min-amount", 200, ProviderSamples.MIN_AMOUNT);
        MinAmount min = client.minAmount("ETH", "trx", "usd");
        assertEquals(new MinAmount("eth", "trx", new BigDecimal("0.0078999"), new BigDecimal("35.40626584")), min);
        assertEquals("currency_from=eth&currency_to=trx&fiat_equivalent=usd", stub.requests().get(0).query());
    }

    @Test
    void minAmountWithFixedRateFlagsAndNoFiat() {
        stub.on("GET /min-amount", 200, "{\"currency_from\":\"usdttrc20\",\"currency_to\":\"usdttrc20\",\"min_amount\":20}");
        MinAmount min = client.minAmount("usdttrc20", null, null, true, false);
        assertEquals(new BigDecimal("20"), min.minAmount());
        assertNull(min.fiatEquivalent());
        assertEquals("currency_from=usdttrc20&is_fixed_rate=true", stub.requests().get(0).query());
    }

    @Test
    void estimateSendsThePlainAmount() {
        stub.on("GET /estimate", 200, ProviderSamples.ESTIMATE);
        Estimate e = client.estimate(new BigDecimal("3999.50"), "usd", "btc");
        assertEquals(new Estimate("usd", new BigDecimal("3999.5"), "btc", new BigDecimal("0.17061637")), e);
        assertEquals("amount=3999.50&currency_from=usd&currency_to=btc", stub.requests().get(0).query());
    }

    @Test
    void createPaymentParsesTheReal2025Answer() {
        stub.on("POST /payment", 201, CREATE_PAYMENT_2025);
        Payment p = client.createPayment(CreatePaymentRequest.of(new BigDecimal("13"), "usd", "usdtbsc",
                "https://arbdesk.example/ipn", "dep-1", "Deposit"));
        assertEquals("5977953151", p.paymentId());
        assertEquals("waiting", p.status());
        assertEquals(NowPaymentsStatus.WAITING, p.parsedStatus());
        assertEquals("0x24070CE7202c541381F3dF0aeb58d253006b9262", p.payAddress());
        assertNull(p.payinExtraId());
        assertEquals(new BigDecimal("13"), p.priceAmount());
        assertEquals(new BigDecimal("13.25552622"), p.payAmount());
        assertEquals("usdtbsc", p.payCurrency());
        assertEquals("4740818607", p.purchaseId());
        assertEquals("bsc", p.network());
        assertNull(p.orderId());
        assertNull(p.actuallyPaid());
        assertEquals(Instant.parse("2025-08-27T16:56:58.628Z"), p.createdAt());
        assertEquals(Instant.parse("2025-08-27T17:16:58.628Z"), p.expirationEstimateDate());
        assertEquals(Instant.parse("2025-09-03T16:56:58.628Z"), p.validUntil());
        assertEquals(CREATE_PAYMENT_2025, p.rawJson());
    }

    @Test
    void createPaymentWritesPriceAmountAsTheExactJsonNumber() throws Exception {
        stub.on("POST /payment", 201, CREATE_PAYMENT_2025);
        client.createPayment(new CreatePaymentRequest(new BigDecimal("50.10"), "USD", "usdttrc20", null,
                "https://arbdesk.example/ipn", "dep-2", "Deposit 2", true, false, null, "partially_paid"));
        StubProvider.Recorded r = stub.requests("POST /payment").get(0);
        assertTrue(r.body().contains("\"price_amount\":50.10"), r.body());
        JsonNode body = ProviderJson.MAPPER.readTree(r.body());
        assertTrue(body.get("price_amount").isNumber());
        assertEquals(0, new BigDecimal("50.10").compareTo(body.get("price_amount").decimalValue()));
        assertEquals("usd", body.get("price_currency").asText());
        assertEquals("usdttrc20", body.get("pay_currency").asText());
        assertFalse(body.has("pay_amount"));
        assertTrue(body.get("is_fixed_rate").booleanValue());
        assertFalse(body.get("is_fee_paid_by_user").booleanValue());
        assertEquals("partially_paid", body.get("case").asText());
        assertEquals(KEY, r.header("x-api-key"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void largeAndTinyAmountsAreWrittenInPlainNotation() {
        stub.on("POST /payment", 201, CREATE_PAYMENT_2025);
        client.createPayment(new CreatePaymentRequest(new BigDecimal("1E+3"), "usd", "btc",
                new BigDecimal("0.00000010"), null, null, null, false, false, null, null));
        String body = stub.requests().get(0).body();
        assertTrue(body.contains("\"price_amount\":1000,"), body);
        assertTrue(body.contains("\"pay_amount\":0.00000010"), body);
    }

    @Test
    void createPaymentAcceptsPayAmountAsString() {
        stub.on("POST /payment", 201, CREATE_PAYMENT_2025.replace("\"pay_amount\":13.25552622",
                "\"pay_amount\":\"13.25552622\""));
        Payment p = client.createPayment(CreatePaymentRequest.of(BigDecimal.TEN, "usd", "usdtbsc", null, null, null));
        assertEquals(new BigDecimal("13.25552622"), p.payAmount());
    }

    @Test
    void getPaymentParsesTheReal2025StatusAnswer() {
        stub.on("GET /payment/5093564248", 200, GET_PAYMENT_2025);
        Payment p = client.getPayment("5093564248");
        assertEquals("5093564248", p.paymentId());
        assertEquals("4628350473", p.purchaseId());
        assertNull(p.invoiceId());
        assertEquals(new BigDecimal("12"), p.priceAmount());
        assertEquals(new BigDecimal("13.488185"), p.payAmount());
        assertEquals(0, BigDecimal.ZERO.compareTo(p.actuallyPaid()));
        assertNull(p.outcomeAmount());
        assertEquals("usdtbsc", p.outcomeCurrency());
        assertEquals(Instant.parse("2025-08-26T16:31:32.669Z"), p.updatedAt());
        assertNull(p.validUntil());
        assertEquals(GET_PAYMENT_2025, p.rawJson());
        assertEquals(KEY, stub.requests().get(0).header("x-api-key"));
    }

    @Test
    void getPaymentToleratesEpochMillisStringAmountsAndTheNullString() {
        stub.on("GET /payment/5170245329", 200, GET_PAYMENT_DRIFTED);
        Payment p = client.getPayment("5170245329");
        assertEquals(Instant.ofEpochMilli(1749522415506L), p.updatedAt());
        assertEquals(new BigDecimal("100.000"), p.payAmount());
        assertEquals(new BigDecimal("0.78"), p.actuallyPaid());
        assertEquals(new BigDecimal("0.76615"), p.outcomeAmount());
        assertEquals("6060616802", p.invoiceId());
        assertNull(p.payinExtraId());
        assertNull(p.parentPaymentId());
        assertEquals(NowPaymentsStatus.PARTIALLY_PAID, p.parsedStatus());
    }

    @Test
    void amountsKeepTheProvidersExactLexeme() {
        stub.on("GET /payment/7", 200, "{\"payment_id\":7,\"payment_status\":\"finished\",\"price_amount\":13.2500,"
                + "\"pay_amount\":0.12345678901234567890123,\"actually_paid\":1e-7,\"outcome_amount\":\"0.30\"}");
        Payment p = client.getPayment("7");
        assertEquals(new BigDecimal("13.2500"), p.priceAmount());
        assertEquals(new BigDecimal("0.12345678901234567890123"), p.payAmount());
        assertEquals(new BigDecimal("1E-7"), p.actuallyPaid());
        assertEquals(new BigDecimal("0.30"), p.outcomeAmount());
    }

    @Test
    void getPaymentRefusesNonDigitIdsWithoutCalling() {
        for (String bad : new String[] {"status", "12a", "../invoice", "", " 12", "1/2"}) {
            NowPaymentsException e = assertThrows(NowPaymentsException.class, () -> client.getPayment(bad));
            assertEquals(Kind.INVALID_REQUEST, e.kind());
        }
        assertThrows(NowPaymentsException.class, () -> client.getPayment(null));
        assertTrue(stub.requests().isEmpty());
    }

    @Test
    void createInvoiceReadsPriceAmountSentAsString() throws Exception {
        stub.on("POST /invoice", 201, ProviderSamples.INVOICE_DOC).on("POST /invoice", 201, ProviderSamples.INVOICE_2023);
        CreateInvoiceRequest req = new CreateInvoiceRequest(new BigDecimal("1000"), "usd", null,
                "https://arbdesk.example/ipn", "RGDBP-21314", "Apple Macbook Pro 2019 x 1", "https://arbdesk.example/ok",
                "https://arbdesk.example/cancel", null, false, false);
        Invoice doc = client.createInvoice(req);
        assertEquals(new Invoice("4522625843", "RGDBP-21314", new BigDecimal("1000"), "usd", null,
                "https://nowpayments.io/payment/?iid=4522625843", Instant.parse("2020-12-22T15:05:58.290Z"),
                Instant.parse("2020-12-22T15:05:58.290Z")), doc);
        Invoice real = client.createInvoice(req);
        assertEquals(new BigDecimal("5"), real.priceAmount());
        assertEquals("usd", real.priceCurrency());
        JsonNode sent = ProviderJson.MAPPER.readTree(stub.requests().get(0).body());
        assertTrue(sent.get("price_amount").isNumber());
        assertFalse(sent.has("pay_currency"));
        assertEquals("https://arbdesk.example/cancel", sent.get("cancel_url").asText());
    }

    @Test
    void createInvoicePaymentSendsIidAsNumber() throws Exception {
        stub.on("POST /invoice-payment", 201, CREATE_PAYMENT_2025);
        Payment p = client.createInvoicePayment(new InvoicePaymentRequest("4522625843", "usdttrc20", null, null,
                "payer@example.com"));
        assertEquals("5977953151", p.paymentId());
        JsonNode sent = ProviderJson.MAPPER.readTree(stub.requests().get(0).body());
        assertTrue(sent.get("iid").isIntegralNumber());
        assertEquals("4522625843", sent.get("iid").asText());
        assertEquals("usdttrc20", sent.get("pay_currency").asText());
        assertEquals("payer@example.com", sent.get("customer_email").asText());
    }

    @Test
    void listPaymentsLogsInOnceReusesTheJwtAndRefreshesItOn401() throws Exception {
        NowPaymentsClient withLogin = new NowPaymentsClient(settings(stub.baseUrl())
                .withCredentials("admin@example.com", "Secret-Pass"));
        String page = ProviderSamples.paymentList(GET_PAYMENT_2025, ProviderSamples.LIST_ITEM_REDEPOSIT);
        stub.on("POST /auth", 200, "{\"token\":\"jwt-1\"}").on("POST /auth", 200, "{\"token\":\"jwt-2\"}")
                .on("GET /payment/", 200, page).on("GET /payment/", 200, page)
                .on("GET /payment/", 401, ProviderSamples.ERROR_AUTH_REQUIRED).on("GET /payment/", 200, page);

        PaymentPage first = withLogin.listPayments(ListPaymentsQuery.newestFirst(10, 0));
        withLogin.listPayments(ListPaymentsQuery.newestFirst(10, 1));
        withLogin.listPayments(new ListPaymentsQuery(10, 0, "4522625843", null, null,
                Instant.parse("2025-08-01T00:00:00Z"), null));

        assertEquals(2, first.data().size());
        assertEquals(new PaymentPage(first.data(), 10, 0, 582, 5815), first);
        assertTrue(first.hasNext());
        Payment redeposit = first.data().get(1);
        assertEquals("5513339153", redeposit.parentPaymentId());
        assertEquals(new BigDecimal("69.25"), redeposit.actuallyPaid());
        assertEquals(redeposit.paymentId(), ProviderJson.MAPPER.readTree(redeposit.rawJson()).get("payment_id").asText());

        List<StubProvider.Recorded> auth = stub.requests("POST /auth");
        assertEquals(2, auth.size());
        JsonNode login = ProviderJson.MAPPER.readTree(auth.get(0).body());
        assertEquals("admin@example.com", login.get("email").asText());
        assertNull(auth.get(0).header("x-api-key"));
        List<StubProvider.Recorded> lists = stub.requests("GET /payment/");
        assertEquals(List.of("Bearer jwt-1", "Bearer jwt-1", "Bearer jwt-1", "Bearer jwt-2"),
                lists.stream().map(r -> r.header("Authorization")).toList());
        assertEquals(KEY, lists.get(0).header("x-api-key"));
        assertEquals("limit=10&page=0&sortBy=created_at&orderBy=desc", lists.get(0).query());
        assertEquals("limit=10&page=0&invoiceId=4522625843&dateFrom=2025-08-01T00%3A00%3A00Z", lists.get(3).query());
    }

    @Test
    void listPaymentsWithoutCredentialsIsAuthRequiredWithoutCalling() {
        NowPaymentsException e = assertThrows(NowPaymentsException.class,
                () -> client.listPayments(ListPaymentsQuery.newestFirst(10, 0)));
        assertEquals(Kind.AUTH_REQUIRED, e.kind());
        assertTrue(e.getMessage().contains("email and password"), e.getMessage());
        assertTrue(stub.requests().isEmpty());
    }

    @Test
    void refusedLoginIsAuthRequiredAndNeverShowsThePassword() {
        NowPaymentsClient withLogin = new NowPaymentsClient(settings(stub.baseUrl())
                .withCredentials("admin@example.com", "Secret-Pass"));
        stub.on("POST /auth", 400, "{\"status\":false,\"statusCode\":400,\"code\":\"INVALID_REQUEST_PARAMS\","
                + "\"message\":\"Wrong password Secret-Pass\"}");
        NowPaymentsException e = assertThrows(NowPaymentsException.class,
                () -> withLogin.listPayments(ListPaymentsQuery.newestFirst(10, 0)));
        assertEquals(Kind.AUTH_REQUIRED, e.kind());
        assertFalse(e.getMessage().contains("Secret-Pass"), e.getMessage());
        assertTrue(stub.requests("GET /payment/").isEmpty());
    }
}
