package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.IpnTestSigner;
import com.arbdesk.testing.StandInProvider;
import com.arbdesk.testing.TestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credited value is what the provider reports, in production mode against a stand-in provider
 * (without the account login): late payments at the provider's fiat figure, "finished" with nothing
 * received held for review, "cancelled" after a partial credit flagged refund_due, "finished" after
 * "failed" credited and flagged. The ledger invariants are checked when the servers close.
 */
class CreditValueIT {
    static StandInProvider provider;
    static TestClient admin;

    @BeforeAll
    static void start() {
        provider = StandInProvider.start(Map.of(), Map.of());
        admin = provider.admin();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    static JsonNode awaitStored(JsonNode d, String status) {
        return provider.awaitStored(admin, d, status, Duration.ofSeconds(20));
    }

    static String balance(TestClient user) {
        return user.get("/api/me").json().path("balance_usd").asText();
    }

    @Test
    void cancelledAfterAPartialPaymentKeepsTheCreditVisibleAsRefundDue() {
        TestClient user = provider.newUser();
        JsonNode d = StandInProvider.create(user, "USDT", "TRC20", "40.00");
        provider.act(d, "pay_part");
        assertEquals("20.00", awaitStored(d, "partially_paid").path("credited_usd").asText());
        provider.act(d, "cancel");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode s = provider.stored(admin, d);
        while (!s.path("flags").toString().contains("refund_due") && System.nanoTime() < deadline) {
            pause();
            s = provider.stored(admin, d);
        }
        assertTrue(s.path("flags").toString().contains("refund_due"), s.toString());
        assertEquals("partially_paid", s.path("status").asText(), "not silently kept under another status");
        assertEquals("20.00", s.path("credited_usd").asText(), "nothing taken back automatically: the admin decides");
        assertEquals("20.00", balance(user));
        String page = admin.get("/admin/deposits?flagged=on").body();
        assertTrue(page.contains("refund_due"), "an exception for the admin");
    }

    @Test
    void finishedWithNothingReceivedIsHeldForReviewNotCreditedBlindly() {
        TestClient user = provider.newUser();
        JsonNode d = StandInProvider.create(user, "USDT", "TRC20", "60.00");
        provider.act(d, "finish_unpaid");
        JsonNode s = awaitStored(d, "completed");
        assertEquals("0.00", s.path("credited_usd").asText());
        assertTrue(s.path("flags").toString().contains("nothing_reported") && s.path("flags").toString().contains("needs_review"),
                s.toString());
        assertEquals("0.00", balance(user));
        TestClient.Res approved = admin.postJson("/api/admin/deposits/" + d.path("transaction_id").asLong() + "/approve", "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("60.00", balance(user), "the admin saw the money arrive: the price is credited, once");
    }

    @Test
    void finishedAfterFailedIsCreditedAtTheProvidersFigureAndFlagged() {
        TestClient user = provider.newUser();
        JsonNode d = StandInProvider.create(user, "BTC", "BTC", "100.00");
        provider.act(d, "fail");
        awaitStored(d, "failed");
        provider.act(d, "pay_after_failure");
        JsonNode s = awaitStored(d, "completed");
        assertTrue(s.path("flags").toString().contains("paid_after_failure"), s.toString());
        assertEquals("100.00", s.path("credited_usd").asText(), "the sandbox values BTC at a fixed 65,000 USD");
        assertEquals("100.00", balance(user));
    }

    @Test
    void aLatePaymentIsCreditedAtTheProvidersFiatFigureNotAtTheOldQuote() {
        TestClient user = provider.newUser();
        JsonNode d = StandInProvider.create(user, "BTC", "BTC", "100.00");
        provider.act(d, "expire");
        awaitStored(d, "expired");
        // days later the coins arrive and BTC has fallen: the provider values them at 93.40
        Map<String, Object> ipn = new HashMap<>();
        ipn.put("payment_id", Long.parseLong(d.path("payment_id").asText()));
        ipn.put("payment_status", "finished");
        ipn.put("pay_address", d.path("pay_address").asText());
        ipn.put("price_amount", "100");
        ipn.put("price_currency", "usd");
        ipn.put("pay_amount", d.path("pay_amount").asText());
        ipn.put("actually_paid", d.path("pay_amount").asText());
        ipn.put("actually_paid_at_fiat", "93.40");
        ipn.put("pay_currency", "btc");
        ipn.put("order_id", orderId(d));
        String body = IpnTestSigner.canonicalOf(new TreeMap<>(ipn));
        TestClient.Res r = provider.app().client().postJson("/api/nowpayments/ipn", body,
                Map.of("x-nowpayments-sig", IpnTestSigner.sign(StandInProvider.SECRET, body)));
        assertEquals(200, r.status(), r.body());
        JsonNode s = provider.stored(admin, d);
        assertEquals("completed", s.path("status").asText(), s.toString());
        assertTrue(s.path("flags").toString().contains("late_payment"));
        assertEquals("93.40", s.path("credited_usd").asText(), "the provider's figure, not the quote of days before");
        assertEquals("93.40", balance(user));
    }

    @Test
    void withoutTheAccountLoginTheBackOfficeSaysLostInvoiceIpnsCannotBeRecovered() {
        JsonNode health = admin.get("/api/admin/provider").json();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (health.path("state").asText().equals("checking") && System.nanoTime() < deadline) {
            pause();
            health = admin.get("/api/admin/provider").json();
        }
        assertTrue(health.path("invoice_recovery").asText().contains("cannot be recovered"), health.toString());
        assertFalse(admin.get("/api/admin/reconciler").json().path("invoice_recovery").asBoolean());
        assertTrue(admin.get("/admin").body().contains("data-testid=\"invoice-recovery\""), "said plainly in the back office");
        assertTrue(provider.app().logText().contains("lost IPNs of invoice deposits cannot be recovered"), "and at start-up");
    }

    @Test
    void aRateLimitFromTheProviderOnCreateIsA503WithRetryAfterAndAReadableMessage() {
        TestClient user = provider.newUser();
        assertEquals(200, provider.sandbox().client().postJson("/sandbox/nowpayments/control/rate-limit",
                "{\"requests\":1,\"route\":\"POST /payment\"}").status());
        TestClient.Res r = user.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\"}");
        assertEquals(503, r.status(), r.body());
        assertEquals("provider_unavailable", r.errorCode());
        assertEquals("10", r.header("Retry-After").orElse(""), "the provider's HTML 429 has no Retry-After: ours says 10 s");
        assertTrue(r.json().at("/error/message").asText().startsWith("The payment provider is busy right now. Please try again in 10"),
                r.body());
        assertFalse(r.body().contains("html") || r.body().contains("nginx"), "no provider page leaks to the user");
        assertEquals(201, user.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\"}")
                .status(), "the next try goes through");
    }

    @Test
    void theMinimumIsTheProvidersFiatEquivalentInUsd() {
        TestClient user = provider.newUser();
        TestClient.Res r = user.get("/api/deposits/minimum?currency=ETH&network=ERC20");
        assertEquals(200, r.status(), r.body());
        assertEquals("12.00", r.json().path("min_amount_usd").asText(), "the sandbox's minimum for eth, in USD");
    }

    static String orderId(JsonNode d) {
        long id = d.path("transaction_id").asLong();
        return "deposit_" + admin.get("/api/admin/deposits/" + id).json().path("user_id").asText() + "_" + id;
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
