package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deposits end to end against the running app and its built-in sandbox: every payment outcome,
 * duplicates, replays, concurrency, out-of-order and forged IPNs. The ledger invariants are checked
 * when the server closes.
 */
class DepositFlowIT {
    static final String KEY = "deposit-flow-key";
    static final String SECRET = "deposit-flow-ipn-secret";
    static TestServer server;
    static TestClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", KEY, "NOWPAYMENTS_IPN_SECRET", SECRET,
                "SANDBOX_STEP_MILLIS", "50", "RECONCILE_INTERVAL_SECONDS", "1", "RECONCILE_AFTER_SECONDS", "3"));
        admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestClient newUser() {
        TestClient u = server.client();
        return u.withBearer(u.signup("dep-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase"));
    }

    static JsonNode create(TestClient user, String currency, String network, String amount) {
        TestClient.Res r = user.postJson("/api/deposits/create", "{\"currency\":\"" + currency + "\",\"network\":\"" + network
                + "\",\"amount_usd\":\"" + amount + "\",\"mode\":\"payment\"}");
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    static void sandbox(JsonNode deposit, String action) {
        TestClient.Res r = server.client().postJson("/sandbox/nowpayments/control/payments/" + deposit.path("payment_id").asText()
                + "/" + action, "{}");
        assertEquals(200, r.status(), r.body());
    }

    /** The deposit as stored (the admin view never asks the provider, so only IPNs and the reconciler move it). */
    static JsonNode stored(JsonNode deposit) {
        return admin.get("/api/admin/deposits/" + deposit.path("transaction_id").asLong()).json().path("deposit");
    }

    static JsonNode awaitStored(JsonNode deposit, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode d = stored(deposit);
        while (!d.path("status").asText().equals(status) && System.nanoTime() < deadline) {
            sleep(50);
            d = stored(deposit);
        }
        assertEquals(status, d.path("status").asText(), d.toString());
        return d;
    }

    static String balance(TestClient user) {
        return user.get("/api/me").json().path("balance_usd").asText();
    }

    static long entries(JsonNode deposit) {
        return server.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = " + deposit.path("transaction_id").asLong());
    }

    /** A signed IPN as the provider would send it (amounts as strings: the client tolerates both). */
    static TestClient.Res ipn(Map<String, Object> fields) {
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(fields));
        return server.client().postJson("/api/nowpayments/ipn", body, Map.of("x-nowpayments-sig", IpnTestSigner.sign(SECRET, body)));
    }

    static Map<String, Object> finishedIpn(JsonNode d, String status, String actuallyPaid) {
        Map<String, Object> m = new HashMap<>();
        m.put("payment_id", Long.parseLong(d.path("payment_id").asText()));
        m.put("payment_status", status);
        m.put("pay_address", d.path("pay_address").asText());
        m.put("price_amount", d.path("price_amount").asText());
        m.put("price_currency", "usd");
        m.put("pay_amount", d.path("pay_amount").asText());
        m.put("actually_paid", actuallyPaid);
        m.put("pay_currency", d.path("pay_currency").asText());
        m.put("order_id", orderId(d));
        m.put("purchase_id", "1");
        return m;
    }

    /** Our order id for a deposit: deposit_<user id>_<transaction id>. */
    static String orderId(JsonNode d) {
        long id = d.path("transaction_id").asLong();
        return "deposit_" + admin.get("/api/admin/deposits/" + id).json().path("user_id").asText() + "_" + id;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void paidInFullIsCreditedExactlyOnceEvenWhenTheIpnIsResent() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "50.00");
        assertTrue(d.path("pay_address").asText().startsWith("T"));
        assertEquals("pending", d.path("status").asText());
        sandbox(d, "pay");
        JsonNode done = awaitStored(d, "completed");
        assertEquals("50.00", done.path("credited_usd").asText());
        assertEquals("50.00", balance(user));
        for (int i = 0; i < 3; i++) {
            sandbox(d, "resend");
        }
        sleep(500);
        assertEquals("50.00", balance(user));
        assertEquals(1, entries(d));
    }

    @Test
    void aPartialPaymentCreditsThePartAndALaterFinishedOnlyTheDifference() {
        TestClient user = newUser();
        JsonNode d = create(user, "BTC", "BTC", "100.00");
        sandbox(d, "pay_part");
        JsonNode part = awaitStored(d, "partially_paid");
        String partCredit = part.path("credited_usd").asText();
        assertTrue(new java.math.BigDecimal(partCredit).compareTo(new java.math.BigDecimal("49.90")) > 0
                && new java.math.BigDecimal(partCredit).compareTo(new java.math.BigDecimal("50.00")) <= 0, partCredit);
        assertEquals(200, ipn(finishedIpn(d, "finished", d.path("pay_amount").asText())).status());
        JsonNode done = awaitStored(d, "completed");
        assertEquals("100.00", done.path("credited_usd").asText());
        assertEquals("100.00", balance(user));
        assertEquals(2, entries(d), "the part, then the difference");
    }

    @Test
    void anOverpaymentCreditsWhatArrivedAndIsFlagged() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "50.00");
        sandbox(d, "overpay");
        JsonNode done = awaitStored(d, "completed");
        assertEquals("55.00", done.path("credited_usd").asText());
        assertTrue(done.path("flags").toString().contains("overpaid"));
        assertEquals("55.00", balance(user));
    }

    @Test
    void expiredAndFailedPaymentsCreditNothing() {
        TestClient user = newUser();
        JsonNode expiring = create(user, "USDT", "TRC20", "20.00");
        JsonNode failing = create(user, "ETH", "ERC20", "20.00");
        sandbox(expiring, "expire");
        sandbox(failing, "fail");
        assertEquals("0.00", awaitStored(expiring, "expired").path("credited_usd").asText());
        assertEquals("0.00", awaitStored(failing, "failed").path("credited_usd").asText());
        assertEquals("0.00", balance(user));
    }

    @Test
    void aLatePaymentAfterExpiryIsCreditedAndFlagged() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "30.00");
        sandbox(d, "pay_late");
        JsonNode done = awaitStored(d, "completed");
        assertTrue(done.path("flags").toString().contains("late_payment"), done.toString());
        assertEquals("30.00", balance(user));
    }

    @Test
    void aRefundAfterCreditIsFlaggedForTheAdminNeverASilentNegativeBalance() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "40.00");
        sandbox(d, "pay");
        awaitStored(d, "completed");
        sandbox(d, "refund");
        JsonNode refunded = awaitStored(d, "refunded");
        assertTrue(refunded.path("flags").toString().contains("refund_after_credit"));
        assertEquals("40.00", balance(user));
    }

    @Test
    void aReDepositBecomesALinkedDepositThatNeedsReview() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "25.00");
        sandbox(d, "pay");
        awaitStored(d, "completed");
        sandbox(d, "redeposit");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> children = new ArrayList<>();
        while (children.isEmpty() && System.nanoTime() < deadline) {
            admin.get("/api/admin/deposits?flagged=true&limit=200").json().forEach(x -> {
                if (x.path("mode").asText().equals("redeposit") && x.path("pay_address").asText().equals(d.path("pay_address").asText())) {
                    children.add(x);
                }
            });
            sleep(100);
        }
        assertEquals(1, children.size());
        assertTrue(children.get(0).path("flags").toString().contains("needs_review"));
        assertEquals("0.00", children.get(0).path("credited_usd").asText());
        assertEquals("25.00", balance(user), "a re-deposit is never credited automatically");

        long childId = children.get(0).path("transaction_id").asLong();
        TestClient.Res approved = admin.postJson("/api/admin/deposits/" + childId + "/approve", "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("50.00", balance(user), "approved: credited once by the same policy");
        assertEquals(409, admin.postJson("/api/admin/deposits/" + childId + "/approve", "").status(), "and only once");
        assertEquals(403, user.postJson("/api/admin/deposits/" + childId + "/approve", "").status());
    }

    @Test
    void anInvoiceDepositIsFoundByItsInvoiceAndCredited() {
        TestClient user = newUser();
        TestClient.Res r = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"80.00\",\"mode\":\"invoice\"}");
        assertEquals(201, r.status(), r.body());
        JsonNode d = r.json();
        String invoiceUrl = d.path("invoice_url").asText();
        assertTrue(invoiceUrl.contains("/sandbox/nowpayments/payment/?iid="), invoiceUrl);
        String iid = invoiceUrl.substring(invoiceUrl.indexOf("iid=") + 4);
        TestClient.Res paid = server.client().postJson("/sandbox/nowpayments/v1/invoice-payment",
                "{\"iid\":" + iid + ",\"pay_currency\":\"usdttrc20\"}", Map.of("x-api-key", KEY));
        assertEquals(201, paid.status(), paid.body());
        String paymentId = paid.json().path("payment_id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!paymentId.equals(stored(d).path("payment_id").asText()) && System.nanoTime() < deadline) {
            sleep(50);
        }
        assertEquals(paymentId, stored(d).path("payment_id").asText(), "the waiting IPN tied the payment to the deposit");
        assertEquals(200, server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/pay", "{}").status());
        assertEquals("80.00", awaitStored(d, "completed").path("credited_usd").asText());
        assertEquals("80.00", balance(user));
    }

    @Test
    void unknownPaymentsAreRecordedAndAnsweredWith200() {
        Map<String, Object> m = new HashMap<>();
        m.put("payment_id", 999_000_111L);
        m.put("payment_status", "finished");
        m.put("pay_currency", "usdttrc20");
        m.put("actually_paid", "10");
        TestClient.Res r = ipn(m);
        assertEquals(200, r.status());
        assertEquals("unknown_payment", r.json().path("verdict").asText());
        assertTrue(admin.get("/api/admin/ipn?verdict=unknown_payment").json().size() >= 1);
    }

    @Test
    void aWrongCoinIsFlaggedNotCredited() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "50.00");
        Map<String, Object> m = finishedIpn(d, "finished", d.path("pay_amount").asText());
        m.put("pay_currency", "btc");
        TestClient.Res r = ipn(m);
        assertEquals(200, r.status());
        assertEquals("flagged", r.json().path("verdict").asText());
        JsonNode s = stored(d);
        assertEquals("pending", s.path("status").asText());
        assertTrue(s.path("flags").toString().contains("currency_mismatch"));
        assertEquals("0.00", balance(user));
    }

    @Test
    void theSameIpnReplayedAHundredTimesCreditsOnce() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDC", "ERC20", "20.00");
        Map<String, Object> m = finishedIpn(d, "finished", d.path("pay_amount").asText());
        for (int i = 0; i < 100; i++) {
            assertEquals(200, ipn(m).status());
        }
        assertEquals("20.00", balance(user));
        assertEquals(1, entries(d));
    }

    @Test
    void fiftyConcurrentCopiesOfTheFinishedIpnForTwentyDepositsCreditEachOnce() throws Exception {
        List<TestClient> users = new ArrayList<>();
        List<Map<String, Object>> ipns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestClient u = newUser();
            JsonNode d = create(u, "USDT", "TRC20", "15.00");
            users.add(u);
            ipns.add(finishedIpn(d, "finished", d.path("pay_amount").asText()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int copy = 0; copy < 50; copy++) {
                for (Map<String, Object> m : ipns) {
                    results.add(pool.submit(() -> ipn(m).status()));
                }
            }
            for (Future<Integer> f : results) {
                assertEquals(200, f.get(), "no 5xx under concurrency");
            }
        } finally {
            pool.shutdownNow();
        }
        for (TestClient u : users) {
            assertEquals("15.00", balance(u));
        }
    }

    @Test
    void aLateConfirmingAfterFinishedChangesNothing() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "35.00");
        sandbox(d, "pay");
        awaitStored(d, "completed");
        TestClient.Res r = ipn(finishedIpn(d, "confirming", "0"));
        assertEquals(200, r.status());
        assertEquals("ignored", r.json().path("verdict").asText());
        assertEquals("completed", stored(d).path("status").asText());
        assertEquals("35.00", balance(user));
    }

    @Test
    void forgedOrUnsignedIpnsChangeNothing() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "45.00");
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(finishedIpn(d, "finished", d.path("pay_amount").asText())));
        TestClient.Res forged = server.client().postJson("/api/nowpayments/ipn", body,
                Map.of("x-nowpayments-sig", IpnTestSigner.sign("not-the-secret", body)));
        assertEquals(400, forged.status());
        assertEquals(401, server.client().postJson("/api/nowpayments/ipn", body).status());
        TestClient.Res text = server.client().send(server.client().builder("/api/nowpayments/ipn").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(415, text.status());
        assertEquals(413, server.client().postJson("/api/nowpayments/ipn", "{\"x\":\"" + "a".repeat(70_000) + "\"}").status());
        assertEquals("pending", stored(d).path("status").asText());
        assertEquals("0.00", balance(user));
        // refused IPNs never take the writer on the request; their samples are stored within about a second
        long until = System.currentTimeMillis() + 5_000;
        while (admin.get("/api/admin/ipn?verdict=invalid_signature").json().size() < 2 && System.currentTimeMillis() < until) {
            sleep(100);
        }
        assertTrue(admin.get("/api/admin/ipn?verdict=invalid_signature").json().size() >= 2, "refused IPNs are sampled into the log");
    }

    @Test
    void whenIpnsAreLostTheReconcilerCreditsAndARefreshShowsTheTruth() {
        server.client().postJson("/sandbox/nowpayments/control/ipn-delivery", "{\"drop\":true}");
        try {
            TestClient user = newUser();
            JsonNode viaReconciler = create(user, "USDT", "TRC20", "60.00");
            JsonNode viaRefresh = create(user, "USDT", "BSC", "70.00");
            sandbox(viaReconciler, "pay");
            sandbox(viaRefresh, "pay");
            sleep(600);
            assertEquals("pending", stored(viaReconciler).path("status").asText(), "no IPN arrived");
            JsonNode refreshed = user.get("/api/deposits/" + viaRefresh.path("transaction_id").asLong()).json();
            assertEquals("completed", refreshed.path("status").asText(), "status on refresh asks the provider");
            awaitStored(viaReconciler, "completed");
            assertEquals("130.00", balance(user));
        } finally {
            server.client().postJson("/sandbox/nowpayments/control/ipn-delivery", "{\"drop\":false}");
        }
    }

    @Test
    void aMemoCoinsMemoAndThePayersTransactionAreStoredAndShown() {
        TestClient user = newUser();
        JsonNode d = create(user, "XRP", "XRP", "20.00");
        assertTrue(d.path("payin_extra_id").asText().matches("\\d{9}"), "the destination tag the payer must include: " + d);
        assertTrue(d.path("pay_address").asText().startsWith("r"));
        sandbox(d, "pay");
        awaitStored(d, "completed");
        long id = d.path("transaction_id").asLong();
        assertEquals(200, admin.postJson("/api/admin/deposits/" + id + "/recheck", "").status(), "an admin re-check asks the provider");
        JsonNode s = stored(d);
        assertTrue(s.path("payin_hash").asText().matches("[0-9A-F]{64}"), s.toString());
        assertEquals("https://xrpscan.com/tx/" + s.path("payin_hash").asText(), s.path("payin_hash_url").asText());
        assertEquals(d.path("payin_extra_id").asText(), s.path("payin_extra_id").asText());
        JsonNode tx = user.get("/api/transactions").json().path("items").get(0);
        assertEquals(s.path("payin_hash_url").asText(), tx.path("payin_hash_url").asText(), "the transactions list links it");
        assertTrue(user.get("/dashboard").body().contains("data-testid=\"tx-link\""));
        String page = admin.get("/admin/deposits/" + id).body();
        assertTrue(page.contains(d.path("payin_extra_id").asText()) && page.contains("https://xrpscan.com/tx/"), "and the back office");
    }

    @Test
    void theQuoteIsNotThePaymentsExpiryAndIsOnlyRefreshedOnceItLapsed() {
        TestClient user = newUser();
        JsonNode d = create(user, "USDT", "TRC20", "22.00");
        java.time.Instant quote = java.time.Instant.parse(d.path("expires_at").asText());
        java.time.Instant valid = java.time.Instant.parse(d.path("valid_until").asText());
        assertTrue(java.time.Duration.between(quote, valid).toDays() >= 6, "20 minutes for the amount, 7 days for the address");
        TestClient.Res early = user.postJsonWithCsrf("/api/deposits/" + d.path("transaction_id").asLong() + "/quote", "{}");
        assertEquals(200, early.status(), early.body());
        assertEquals(d.path("expires_at").asText(), early.json().path("expires_at").asText(), "a quote still valid is kept");
        assertEquals(404, newUser().postJsonWithCsrf("/api/deposits/" + d.path("transaction_id").asLong() + "/quote", "{}").status());
    }

    @Test
    void badRequestsNameTheFieldAndOnlyTheOwnerOrAnAdminSeeADeposit() {
        TestClient user = newUser();
        TestClient.Res low = user.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"5.00\"}");
        assertEquals(400, low.status());
        assertEquals("amount_usd", low.json().at("/error/field").asText());
        assertTrue(low.json().at("/error/message").asText().contains("$10.00"));
        assertEquals("network", user.postJson("/api/deposits/create",
                "{\"currency\":\"BTC\",\"network\":\"TRC20\",\"amount_usd\":\"50\"}").json().at("/error/field").asText());
        assertEquals("currency", user.postJson("/api/deposits/create",
                "{\"currency\":\"DOGE\",\"amount_usd\":\"50\"}").json().at("/error/field").asText());
        assertEquals("amount_usd", user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"amount_usd\":\"50.001\"}").json().at("/error/field").asText());
        JsonNode d = create(user, "USDT", "TRC20", "12.00");
        long id = d.path("transaction_id").asLong();
        assertEquals(404, newUser().get("/api/deposits/" + id).status(), "another user cannot see it");
        assertEquals(200, admin.get("/api/deposits/" + id).status());
        assertEquals(200, user.get("/api/deposits/" + id + "/qr").status());
    }
}
