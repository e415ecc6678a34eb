package com.arbdesk.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One rule for every money figure: after deposits in every state, the transactions list (API and page),
 * each deposit and the balance agree with the ledger. A deposit that credited nothing shows 0.00, never
 * what it asked for.
 */
class TransactionsAgreeIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("SANDBOX_STEP_MILLIS", "20"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode create(TestClient user, String amount) {
        TestClient.Res r = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"" + amount + "\",\"mode\":\"payment\"}");
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static void act(JsonNode d, String action) {
        TestClient.Res r = server.client().postJson("/sandbox/nowpayments/control/payments/" + d.path("payment_id").asText() + "/"
                + action, "{}");
        assertEquals(200, r.status(), r.body());
    }

    private static JsonNode awaitStatus(TestClient user, JsonNode d, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode now = user.get("/api/deposits/" + d.path("transaction_id").asLong()).json();
        while (!now.path("status").asText().equals(status) && System.nanoTime() < deadline) {
            sleepQuietly();
            now = user.get("/api/deposits/" + d.path("transaction_id").asLong()).json();
        }
        assertEquals(status, now.path("status").asText(), now.toString());
        return now;
    }

    @Test
    void everyDepositStatusShowsWhatTheLedgerHolds() {
        TestClient user = server.client();
        user.withBearer(user.signup("agree-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "a long passphrase"));
        Map<String, JsonNode> byStatus = new LinkedHashMap<>();
        byStatus.put("pending", create(user, "20.00"));
        JsonNode partial = create(user, "30.00");
        act(partial, "pay_part");
        byStatus.put("partially_paid", partial);
        JsonNode expired = create(user, "40.00");
        act(expired, "expire");
        byStatus.put("expired", expired);
        JsonNode done = create(user, "50.00");
        act(done, "pay");
        byStatus.put("completed", done);
        JsonNode refunded = create(user, "60.00");
        act(refunded, "pay");
        awaitStatus(user, refunded, "completed");
        act(refunded, "refund");
        byStatus.put("refunded", refunded);

        Map<Long, String> creditedByDeposit = new LinkedHashMap<>();
        byStatus.forEach((status, d) -> creditedByDeposit.put(d.path("transaction_id").asLong(),
                awaitStatus(user, d, status).path("credited_usd").asText()));
        assertEquals("0.00", creditedByDeposit.get(byStatus.get("pending").path("transaction_id").asLong()));
        assertEquals("0.00", creditedByDeposit.get(byStatus.get("expired").path("transaction_id").asLong()));

        JsonNode page = user.get("/api/transactions?limit=50").json();
        BigDecimal listed = BigDecimal.ZERO;
        for (JsonNode t : page.path("items")) {
            String deposit = creditedByDeposit.get(t.path("id").asLong());
            assertEquals(deposit, t.path("credited_usd").asText(), "the list and the deposit agree: " + t);
            listed = listed.add(new BigDecimal(t.path("credited_usd").asText()));
        }
        assertEquals(5, page.path("items").size());
        BigDecimal balance = new BigDecimal(user.get("/api/me").json().path("balance_usd").asText());
        assertEquals(0, balance.compareTo(listed), "the balance is the sum of what the list says was credited");
        long userId = user.get("/api/me").json().path("id").asLong();
        long ledgerMinor = server.ledger().count("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE user_id = " + userId);
        assertEquals(0, balance.compareTo(BigDecimal.valueOf(ledgerMinor, 2)), "and both are what the ledger holds");

        String html = server.client().withBearer(userToken(user)).get("/dashboard").body();
        assertTrue(html.contains("of $20.00 requested"), "the pending deposit says what it asked for");
        assertTrue(!html.contains("+$20.00") && !html.contains("+$40.00"), "and never draws it as a credit");
    }

    private static String userToken(TestClient user) {
        return user.cookie("arbdesk_session").orElseThrow();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
