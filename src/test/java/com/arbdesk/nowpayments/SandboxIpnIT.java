package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in sandbox sends real, signed IPNs for every transition, in the provider's wire format, and retries failures. */
class SandboxIpnIT {
    static final String KEY = "sandbox-ipn-test-key";
    static final String SECRET = "sandbox-ipn-test-secret";
    static TestServer server;
    static NowPaymentsClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET,
                "SANDBOX_STEP_MILLIS", "150", "SANDBOX_IPN_RETRIES", "3", "SANDBOX_IPN_RETRY_MILLIS", "250"));
        client = new NowPaymentsClient(NowPaymentsClient.Settings.of(server.url("/sandbox/nowpayments/v1"), KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Payment create(IpnReceiver receiver, String ticker, String usd, String scenario) {
        return client.createPayment(new CreatePaymentRequest(new BigDecimal(usd), "usd", ticker, null,
                receiver.url(), "order-" + System.nanoTime(), "ipn test", false, false, null, scenario));
    }

    private static JsonNode act(Payment p, String action) {
        TestClient.Res r = server.client().postJson("/sandbox/nowpayments/control/payments/" + p.paymentId() + "/" + action, "{}");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** Checks a received IPN with the app's verifier and with the independent test signer. */
    private static void assertAuthentic(IpnReceiver.Received ipn) throws Exception {
        assertDoesNotThrow(() -> new IpnVerifier(SECRET).verify(ipn.body(), ipn.signature()));
        // decimals stay BigDecimal and print plain, as the provider's JavaScript prints them
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<?, ?> parsed = exact.readValue(ipn.body(), Map.class);
        String independent = exact.writeValueAsString(sortDeep(parsed));
        assertEquals(IpnTestSigner.sign(SECRET, independent), ipn.signature(), "independent signer agrees");
        assertEquals("NOWPayments v1.0", ipn.userAgent());
        assertTrue(ipn.contentType().startsWith("application/json"));
    }

    private static Object sortDeep(Object v) {
        if (v instanceof Map<?, ?> m) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, val) -> out.put((String) k, sortDeep(val)));
            return out;
        }
        return v;
    }

    @Test
    void payingInFullSendsEachStatusSignedInWireOrder() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            Payment p = create(receiver, "usdttrc20", "50.00", null);
            act(p, "pay");
            for (String status : List.of("confirming", "confirmed", "sending", "finished")) {
                assertAuthentic(receiver.await(r -> r.text().contains("\"payment_status\":\"" + status + "\""), Duration.ofSeconds(10)));
            }
            JsonNode finished = new ObjectMapper().readTree(receiver.await(r -> r.text().contains("\"finished\""), Duration.ofSeconds(1)).body());
            assertTrue(receiver.received().get(0).text().startsWith("{\"payment_id\":" + p.paymentId() + ","), "wire order, not sorted");
            assertTrue(finished.path("payment_id").isNumber());
            assertTrue(finished.path("updated_at").isNumber(), "updated_at in epoch millis");
            assertTrue(finished.path("purchase_id").isTextual());
            assertEquals("currency", finished.path("fee").fieldNames().next(), "nested fee object in provider order");
            assertEquals(0, finished.path("actually_paid").decimalValue().compareTo(p.payAmount()));
        }
    }

    @Test
    void failedDeliveriesAreRetriedAndStopOnSuccess() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            Payment p = create(receiver, "usdttrc20", "20", null);
            receiver.failNext(2);
            act(p, "expire");
            receiver.await(r -> r.text().contains("\"expired\""), Duration.ofSeconds(5));
            Thread.sleep(2_000); // longer than the remaining retry schedule
            long expired = receiver.received().stream().filter(r -> r.text().contains("\"expired\"")).count();
            assertEquals(3, expired, "two failures with 500, then one success, then no more");
            JsonNode log = server.client().get("/sandbox/nowpayments/control/payments/" + p.paymentId()).json().path("ipn_log");
            assertEquals("delivered", log.get(log.size() - 1).path("outcome").asText());
        }
    }

    @Test
    void partialPaymentAndReDepositCarryTheirFields() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            Payment p = create(receiver, "btc", "100", null);
            act(p, "pay_part");
            receiver.await(r -> r.text().contains("\"partially_paid\""), Duration.ofSeconds(10));
            act(p, "redeposit");
            IpnReceiver.Received child = receiver.await(r -> r.text().contains("\"parent_payment_id\":" + p.paymentId()), Duration.ofSeconds(5));
            assertAuthentic(child);
            JsonNode parent = server.client().get("/sandbox/nowpayments/control/payments/" + p.paymentId()).json();
            assertEquals(1, parent.path("payment_extra_ids").size());
        }
    }

    @Test
    void theSuccessCaseRunsByItselfAndTheDropSwitchWithholdsIpns() throws Exception {
        try (IpnReceiver receiver = new IpnReceiver()) {
            create(receiver, "eth", "60", "success");
            receiver.await(r -> r.text().contains("\"finished\""), Duration.ofSeconds(10));
        }
        try (IpnReceiver receiver = new IpnReceiver()) {
            server.client().postJson("/sandbox/nowpayments/control/ipn-delivery", "{\"drop\":true}");
            try {
                Payment p = create(receiver, "usdttrc20", "30", null);
                act(p, "fail");
                Thread.sleep(600);
                assertTrue(receiver.received().isEmpty(), "no IPN while dropping");
                assertEquals("failed", client.getPayment(p.paymentId()).status(), "the status is still readable by polling");
            } finally {
                server.client().postJson("/sandbox/nowpayments/control/ipn-delivery", "{\"drop\":false}");
            }
        }
    }
}
