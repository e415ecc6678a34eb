package com.arbdesk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminAdjustmentIT {
    static TestServer server;
    static TestClient admin;
    static long adminId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        adminId = admin.get("/api/me").json().path("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long newUser(String email) {
        TestClient u = server.client();
        u.signup(email, "a long passphrase");
        return u.get("/api/me").json().path("id").asLong();
    }

    @Test
    void anAdjustmentIsALedgerEntryWithTheAdminAndReasonAndAnAuditRow() {
        long id = newUser("ivan@example.com");
        Res r = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"25.50\",\"reason\":\"Goodwill credit\"}");
        assertEquals(201, r.status(), r.body());
        assertEquals("25.50", r.json().path("new_balance_usd").asText());
        long txId = r.json().path("transaction_id").asLong();

        var ledger = server.ledger();
        assertEquals(1, ledger.count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = " + id
                + " AND amount_minor = 2550 AND actor_user_id = " + adminId + " AND reason = 'Goodwill credit' AND transaction_id = " + txId));
        assertEquals(1, ledger.count("SELECT COUNT(*) FROM audit_log WHERE target_id = '" + id
                + "' AND actor_user_id = " + adminId + " AND action = 'balance_adjustment'"));

        Res debit = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"-5.25\",\"reason\":\"Fee correction\"}");
        assertEquals("20.25", debit.json().path("new_balance_usd").asText());
        Res detail = admin.get("/api/admin/users/" + id);
        assertEquals("20.25", detail.json().at("/user/balance_usd").asText());
        assertEquals(2, detail.json().path("transactions").size());
        assertEquals(2, ledger.count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = " + id));
    }

    @Test
    void theLedgerIsAppendOnly() {
        long id = newUser("judy@example.com");
        admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"10.00\",\"reason\":\"Opening credit\"}");
        assertTrue(server.ledger().executeExpectingFailure("UPDATE ledger_entries SET amount_minor = 999999 WHERE user_id = " + id)
                .contains("append-only"));
        assertTrue(server.ledger().executeExpectingFailure("DELETE FROM ledger_entries WHERE user_id = " + id).contains("append-only"));
    }

    @Test
    void anAdjustmentThatWouldGoNegativeIsRefusedAndWritesNothing() {
        long id = newUser("ken@example.com");
        Res r = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"-0.01\",\"reason\":\"Overdraft attempt\"}");
        assertEquals(422, r.status());
        assertEquals("insufficient_funds", r.errorCode());
        assertEquals(0, server.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = " + id));
        assertEquals(0, server.ledger().count("SELECT COUNT(*) FROM transactions WHERE user_id = " + id));
    }

    @Test
    void badAdjustmentInputNamesTheField() {
        long id = newUser("leo@example.com");
        for (String amount : new String[] {"abc", "1.001", "0", "1e3", "", "99999999"}) {
            Res r = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"" + amount + "\",\"reason\":\"valid reason\"}");
            assertEquals(400, r.status(), amount + ": " + r.body());
            assertEquals("amount_usd", r.json().at("/error/field").asText());
        }
        Res noReason = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":\"1.00\",\"reason\":\" \"}");
        assertEquals("reason", noReason.json().at("/error/field").asText());
        Res numberAmount = admin.postJson("/api/admin/users/" + id + "/adjustments", "{\"amount_usd\":1.5,\"reason\":\"valid reason\"}");
        assertEquals(400, numberAmount.status(), numberAmount.body());
        assertEquals(404, admin.postJson("/api/admin/users/999999/adjustments", "{\"amount_usd\":\"1.00\",\"reason\":\"valid reason\"}").status());
        assertEquals(0, server.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE user_id = " + id));
    }

    @Test
    void theBackOfficeFormRecordsAnAdjustmentAndShowsIt() {
        long id = newUser("mia@example.com");
        TestClient page = server.client();
        page.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        page.get("/admin/users/" + id);
        Res bad = page.postFormWithCsrf("/admin/users/" + id + "/adjustments", Map.of("amount_usd", "12.345", "reason", "Typo credit"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("value=\"12.345\""), "the typed amount is kept");
        assertTrue(bad.body().contains("value=\"Typo credit\""), "the typed reason is kept");
        Res ok = page.postFormWithCsrf("/admin/users/" + id + "/adjustments", Map.of("amount_usd", "12.34", "reason", "Promo credit"));
        assertEquals(302, ok.status());
        Res shown = page.get("/admin/users/" + id + "?notice=adjusted");
        assertTrue(shown.body().contains("$12.34"));
        assertTrue(shown.body().contains("Promo credit"));
        assertTrue(shown.body().contains("Adjustment recorded."));
    }
}
