package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The watch window on short clocks: the sandbox expires unpaid payments by itself after 3 seconds,
 * the reconciler keeps looking for late coins for a 2-second grace, then shows the deposit to the admin
 * as no longer watched until the admin checks it again.
 */
class WatchWindowIT {
    static TestServer server;
    static TestClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("SANDBOX_STEP_MILLIS", "50", "SANDBOX_VALID_SECONDS", "3",
                "RECONCILE_INTERVAL_SECONDS", "1", "RECONCILE_AFTER_SECONDS", "1", "RECONCILE_BACKOFF", "1s",
                "RECONCILE_GRACE_SECONDS", "2"));
        admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode detail(long id) {
        return admin.get("/api/admin/deposits/" + id).json();
    }

    @Test
    void anExpiredDepositIsWatchedForLateCoinsThenShownAsNoLongerWatchedAndCanBeWatchedAgain() {
        TestClient user = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
        TestClient.Res r = user.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"25.00\"}");
        assertEquals(201, r.status(), r.body());
        long id = r.json().path("transaction_id").asLong();
        String paymentId = r.json().path("payment_id").asText();
        assertTrue(r.json().path("valid_until").asText().startsWith("20"), "the payment's own expiry is reported: " + r.body());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode d = detail(id);
        while (d.path("watch").path("unwatched_at").isNull() && System.nanoTime() < deadline) {
            sleep(200);
            d = detail(id);
        }
        assertEquals("expired", d.path("deposit").path("status").asText(), "the sandbox expired it on its own clock");
        assertFalse(d.path("watch").path("unwatched_at").isNull(), d.toString());
        assertTrue(d.path("watch").path("next_check_at").isNull(), "no longer polled");
        assertTrue(admin.get("/api/admin/reconciler").json().path("unwatched").asLong() >= 1);
        String list = admin.get("/admin/deposits?watch=unwatched").body();
        assertTrue(list.contains("data-deposit-id=\"" + id + "\""), "listed as no longer watched");
        String page = admin.get("/admin/deposits/" + id).body();
        assertTrue(page.contains("No longer watched since"), page);
        assertTrue(page.contains("data-testid=\"watch-again\""), "with a button to check it again");
        String home = admin.get("/admin").body();
        assertTrue(home.contains("data-testid=\"reconciler-lag\""), "the health panel shows the lag");

        // the payer pays anyway; no IPN comes after expiry, and nobody looks until the admin asks
        assertEquals(200, server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/pay_after_expiry", "{}").status());
        sleep(1500);
        assertEquals("expired", detail(id).path("deposit").path("status").asText());
        TestClient.Res again = admin.postJson("/api/admin/deposits/" + id + "/watch", "");
        assertEquals(200, again.status(), again.body());
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!detail(id).path("deposit").path("status").asText().equals("completed") && System.nanoTime() < deadline) {
            sleep(200);
        }
        JsonNode done = detail(id);
        assertEquals("completed", done.path("deposit").path("status").asText(), done.toString());
        assertTrue(done.path("deposit").path("flags").toString().contains("late_payment"));
        assertEquals("25.00", done.path("deposit").path("credited_usd").asText());
        assertTrue(done.path("timeline").toString().contains("watched again"), "the admin's action is on the timeline");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
