package com.arbdesk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's deposit actions and rows through both doors: the page's form POST and the API drive the same
 * service method (the state one leaves is the state the other reports), and the live row fragment is the page's row.
 * Replay through both doors is in DepositPagesIT.
 */
class DepositActionsIT {
    static TestServer server;
    static TestClient page;
    static TestClient api;
    static TestClient user;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "SANDBOX_STEP_MILLIS", "50"));
        page = server.client();
        page.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        page.get("/admin");
        api = server.client();
        api.withBearer(api.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        user = server.client();
        user.withBearer(user.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode paidDeposit(String amount) {
        Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"" + amount + "\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        sandbox(created.json(), "pay");
        awaitStored(created.json().path("transaction_id").asLong(), d -> "completed".equals(d.at("/deposit/status").asText()));
        return created.json();
    }

    private static void sandbox(JsonNode deposit, String action) {
        Res r = server.client().postJson("/sandbox/nowpayments/control/payments/" + deposit.path("payment_id").asText()
                + "/" + action, "{}");
        assertEquals(200, r.status(), r.body());
    }

    /** The admin read of a deposit (never asks the provider) once it satisfies the test. */
    private static JsonNode awaitStored(long id, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode d = api.get("/api/admin/deposits/" + id).json();
        while (!done.test(d)) {
            assertTrue(System.nanoTime() < deadline, "deposit " + id + " stayed " + d);
            sleep(100);
            d = api.get("/api/admin/deposits/" + id).json();
        }
        return d;
    }

    private static String rowOf(String html, long id) {
        Matcher m = Pattern.compile("(?s)<tr data-deposit-id=\"" + id + "\".*?</tr>").matcher(html);
        assertTrue(m.find(), "no row for deposit " + id + " in " + html);
        return m.group();
    }

    private static long ledgerEntries(long depositId) {
        return server.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = " + depositId);
    }

    @Test
    void theLiveFragmentRowIsTheRowThePageRenders() {
        long id = paidDeposit("30.00").path("transaction_id").asLong();
        Res list = page.get("/admin/deposits");
        assertEquals(200, list.status());
        Res fragment = page.get("/admin/deposits/row?id=" + id);
        assertEquals(200, fragment.status(), fragment.body());
        String row = rowOf(fragment.body(), id);
        assertEquals(rowOf(list.body(), id), row);
        assertTrue(row.contains("Tron (TRC20)") && row.matches("(?s).*>[0-9.]+ USDT<.*"), row);
        assertEquals(400, page.get("/admin/deposits/row").status());
        assertEquals(400, page.get("/admin/deposits/row?id=x").status());
        assertEquals(404, page.get("/admin/deposits/row?id=999999").status());
        TestClient plain = server.client();
        plain.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
        assertEquals(403, plain.get("/admin/deposits/row?id=" + id).status());
    }

    @Test
    void anApprovalThroughThePageIsTheStateTheApiReports() {
        JsonNode parent = paidDeposit("25.00");
        sandbox(parent, "redeposit");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long child = -1;
        while (child < 0) {
            assertTrue(System.nanoTime() < deadline, "no re-deposit appeared");
            for (JsonNode x : api.get("/api/admin/deposits?flagged=true&limit=200").json()) {
                if ("redeposit".equals(x.path("mode").asText())
                        && x.path("pay_address").asText().equals(parent.path("pay_address").asText())) {
                    child = x.path("transaction_id").asLong();
                }
            }
            sleep(100);
        }
        assertEquals(0, ledgerEntries(child), "held for review");

        Res approved = page.postFormWithCsrf("/admin/deposits/" + child + "/approve", Map.of());
        assertEquals(302, approved.status(), approved.body());
        assertTrue(approved.header("Location").orElseThrow().endsWith("/admin/deposits/" + child + "?notice=approved"));
        JsonNode after = api.get("/api/admin/deposits/" + child).json().path("deposit");
        assertEquals("25.00", after.path("credited_usd").asText(), after.toString());
        assertTrue(!after.path("flags").toString().contains("needs_review"), after.toString());
        assertEquals(409, api.postJson("/api/admin/deposits/" + child + "/approve", "").status(), "the API sees it approved");
        assertEquals(409, page.postFormWithCsrf("/admin/deposits/" + child + "/approve", Map.of()).status(), "and the page too");
        assertEquals(1, ledgerEntries(child), "credited once");
    }

    @Test
    void watchingAgainThroughThePageIsWhatTheApiDoes() {
        long id = paidDeposit("20.00").path("transaction_id").asLong();
        Res viaPage = page.postFormWithCsrf("/admin/deposits/" + id + "/watch", Map.of());
        assertEquals(302, viaPage.status(), viaPage.body());
        assertTrue(viaPage.header("Location").orElseThrow().endsWith("?notice=watched"));
        Res viaApi = api.postJson("/api/admin/deposits/" + id + "/watch", "");
        assertEquals(200, viaApi.status(), viaApi.body());
        assertEquals("completed", viaApi.json().path("status").asText());
        long rearmed = 0;
        for (JsonNode e : api.get("/api/admin/deposits/" + id).json().path("timeline")) {
            if ("watched again".equals(e.path("note").asText())) {
                rearmed++;
            }
        }
        assertEquals(2, rearmed, "one timeline step per watch, from either door");
        assertEquals(404, page.postFormWithCsrf("/admin/deposits/999999/watch", Map.of()).status());
        assertEquals(404, api.postJson("/api/admin/deposits/999999/watch", "").status());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
