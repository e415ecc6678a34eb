package com.arbdesk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.TestClient.Res;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The back office deposit pages against a real server: a sandbox deposit paid in full, as the admin sees it. */
class DepositPagesIT {
    static final String KEY = "deposit-pages-key";
    static TestServer server;
    static TestClient api;
    static TestClient page;
    static long depositId;

    @BeforeAll
    static void start() throws InterruptedException {
        server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", KEY, "SANDBOX_STEP_MILLIS", "100"));
        page = server.client();
        page.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        assertTrue(ok("/admin").contains("data-testid=\"ipn-last\">never<"), "before any IPN the panel says never");
        TestClient user = server.client();
        user.withBearer(user.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
        Res created = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"50.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        depositId = created.json().path("transaction_id").asLong();
        String paymentId = created.json().path("payment_id").asText();
        Res paid = server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/pay", "{}");
        assertEquals(200, paid.status(), paid.body());

        api = server.client();
        api.withBearer(api.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        // waits on the admin read (no provider refresh), so every step of the timeline comes from an IPN
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"completed".equals(api.get("/api/admin/deposits/" + depositId).json().at("/deposit/status").asText())) {
            assertTrue(System.nanoTime() < deadline, "the deposit did not complete");
            Thread.sleep(100);
        }
        assertEquals("completed", user.get("/api/deposits/" + depositId).json().path("status").asText());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String ok(String path) {
        Res r = page.get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return r.body();
    }

    /** The HTML of the table marked data-testid=NAME. */
    private static String table(String html, String name) {
        int start = html.indexOf("data-testid=\"" + name + "\"");
        assertTrue(start >= 0, "no " + name + " table");
        return html.substring(start, html.indexOf("</table>", start));
    }

    @Test
    void theDepositsListShowsTheMaskedUserAmountsAndStatus() {
        String rows = table(ok("/admin/deposits"), "deposits");
        assertTrue(rows.contains("d***@arbdesk.local"), rows);
        assertFalse(rows.contains(DemoAccounts.USER_EMAIL), "the full email stays on the user page");
        assertTrue(rows.contains(">completed<"), rows);
        assertTrue(rows.contains("$50.00"), rows);
        assertTrue(rows.contains("href=\"/admin/deposits/" + depositId + "\""), rows);
        assertTrue(rows.contains("Tron (TRC20)"), rows);
        assertTrue(ok("/admin/deposits?status=completed&currency=USDT").contains("data-testid=\"deposits\""));
        assertTrue(ok("/admin/deposits?status=failed").contains("data-testid=\"no-deposits\""));
        assertTrue(ok("/admin/deposits?currency=BTC").contains("data-testid=\"no-deposits\""));
        assertTrue(ok("/admin/deposits?status=%3Cscript%3E&offset=-5").contains("data-testid=\"deposits\""), "bad filters are ignored");
    }

    @Test
    void theDetailShowsTimelineLedgerEntryAndIpns() {
        String html = ok("/admin/deposits/" + depositId);
        assertTrue(html.contains("d***@arbdesk.local"));
        String timeline = table(html, "timeline");
        int pending = timeline.indexOf(">pending<");
        int confirming = timeline.indexOf(">confirming<");
        int completed = timeline.indexOf(">completed<");
        assertTrue(pending >= 0 && pending < confirming && confirming < completed, timeline);
        assertTrue(timeline.contains("+$50.00"), timeline);
        assertTrue(table(html, "entries").contains("+$50.00"), "the ledger credit of this deposit");
        String ipns = table(html, "deposit-ipns");
        assertTrue(ipns.contains(">applied<"), ipns);
        assertTrue(ipns.contains("finished"), ipns);
        assertTrue(ipns.contains("/admin/ipn/"), "a replay form per IPN");
        assertEquals(404, page.get("/admin/deposits/999999").status());
        assertEquals(404, page.get("/admin/deposits/abc").status());
        assertEquals(404, page.get("/admin/deposits/" + depositId + "/recheck").status());
    }

    @Test
    void theIpnLogListsTheIpnsAndReplayIsADuplicate() {
        String log = table(ok("/admin/ipn"), "ipns");
        assertTrue(log.contains(">applied<") && log.contains("<details>"), log);
        assertTrue(table(ok("/admin/ipn?verdict=applied"), "ipns").contains(">applied<"));

        long finished = 0;
        for (JsonNode i : api.get("/api/admin/deposits/" + depositId).json().path("ipns")) {
            if ("finished".equals(i.path("provider_status").asText())) {
                finished = i.path("id").asLong();
            }
        }
        assertTrue(finished > 0, "the finished IPN is stored");
        Res replay = page.postFormWithCsrf("/admin/ipn/" + finished + "/replay", Map.of());
        assertEquals(302, replay.status(), replay.body());
        String location = replay.header("Location").orElseThrow();
        assertTrue(location.endsWith("/admin/ipn?ipn=" + finished + "&outcome=duplicate"), location);
        assertTrue(ok("/admin/ipn?ipn=" + finished + "&outcome=duplicate").contains("IPN #" + finished + " replayed: duplicate."));

        Res fromDetail = page.postFormWithCsrf("/admin/ipn/" + finished + "/replay", Map.of("back", "/admin/deposits/" + depositId));
        assertEquals(302, fromDetail.status());
        String back = fromDetail.header("Location").orElseThrow();
        assertTrue(back.endsWith("/admin/deposits/" + depositId + "?ipn=" + finished + "&outcome=duplicate"), back);
        Res offsite = page.postFormWithCsrf("/admin/ipn/" + finished + "/replay", Map.of("back", "//evil.example/x"));
        assertTrue(offsite.header("Location").orElseThrow().contains("/admin/ipn?"), "never an outside redirect");
        Res viaApi = api.postJson("/api/admin/ipn/" + finished + "/replay", "");
        assertEquals(200, viaApi.status(), viaApi.body());
        assertEquals("duplicate", viaApi.json().path("verdict").asText(), "the API runs the same replay: " + viaApi.body());
        assertEquals(1, server.ledger().count("SELECT COUNT(*) FROM ledger_entries WHERE transaction_id = " + depositId),
                "replays credit nothing more");
        assertEquals(404, page.postFormWithCsrf("/admin/ipn/999999/replay", Map.of()).status());
        assertEquals(403, page.postForm("/admin/ipn/" + finished + "/replay", Map.of()).status(), "no CSRF token, no replay");
    }

    @Test
    void aPartlyPaidDepositIsAnException() throws InterruptedException {
        TestClient user = server.client();
        user.withBearer(user.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
        Res created = user.postJson("/api/deposits/create", "{\"currency\":\"BTC\",\"amount_usd\":\"100.00\",\"mode\":\"payment\"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("transaction_id").asLong();
        server.client().postJson("/sandbox/nowpayments/control/payments/" + created.json().path("payment_id").asText() + "/pay_part", "{}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"partially_paid".equals(api.get("/api/admin/deposits/" + id).json().at("/deposit/status").asText())) {
            assertTrue(System.nanoTime() < deadline, "the deposit was not partly paid");
            Thread.sleep(100);
        }
        String exceptions = table(ok("/admin/deposits?flagged=on"), "deposits");
        assertTrue(exceptions.contains("href=\"/admin/deposits/" + id + "\""), exceptions);
        assertFalse(exceptions.contains("href=\"/admin/deposits/" + depositId + "\""), "a clean completed deposit is no exception");
        assertTrue(table(ok("/admin/deposits?status=partially_paid&currency=BTC"), "deposits").contains(">partially_paid<"));
        assertTrue(ok("/admin/deposits?flagged=on&status=completed").contains("data-testid=\"no-deposits\""));
    }

    @Test
    void recheckRedirectsBackWithANotice() {
        page.get("/admin/deposits/" + depositId);
        Res r = page.postFormWithCsrf("/admin/deposits/" + depositId + "/recheck", Map.of());
        assertEquals(302, r.status(), r.body());
        assertTrue(r.header("Location").orElseThrow().endsWith("/admin/deposits/" + depositId + "?notice=rechecked"));
        assertTrue(ok("/admin/deposits/" + depositId + "?notice=rechecked").contains("Re-checked with the provider."));
        assertEquals(404, page.postFormWithCsrf("/admin/deposits/999999/recheck", Map.of()).status());
    }

    @Test
    void aBadlySignedIpnShowsAsAnExceptionAndInTheHealthPanel() throws InterruptedException {
        Res bogus = server.client().postJson("/api/nowpayments/ipn",
                "{\"payment_id\":\"<script>alert(1)</script>\",\"payment_status\":\"finished\"}",
                Map.of("x-nowpayments-sig", "0".repeat(128)));
        assertEquals(400, bogus.status(), bogus.body());
        // refused IPNs never take the writer on the request; their samples are stored within about a second
        long until = System.currentTimeMillis() + 5_000;
        while (!ok("/admin/ipn?verdict=invalid_signature").contains("&lt;script&gt;") && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        String problems = table(ok("/admin/deposits?flagged=on"), "ipn-problems");
        assertTrue(problems.contains(">invalid_signature<"), problems);
        String log = ok("/admin/ipn?verdict=invalid_signature");
        assertTrue(log.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the raw body is shown escaped");
        assertFalse(log.contains("<script>alert(1)"), "never raw");

        String admin = ok("/admin");
        Matcher failures = Pattern.compile("data-testid=\"ipn-failures\"[^>]*>\\s*<a[^>]*>(\\d+)</a>").matcher(admin);
        assertTrue(failures.find(), admin);
        assertTrue(Integer.parseInt(failures.group(1)) >= 1);
        Matcher last = Pattern.compile("data-testid=\"ipn-last\">([^<]+)<").matcher(admin);
        assertTrue(last.find() && last.group(1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), admin);
        assertTrue(admin.matches("(?s).*data-testid=\"stale-deposits\"[^>]*>0<.*"), "nothing open past the threshold");
        assertTrue(admin.contains("data-testid=\"admin-nav\""));
    }

    @Test
    void aPlainUserIsRefused() {
        TestClient user = server.client();
        user.login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
        assertEquals(403, user.get("/admin/deposits").status());
        assertEquals(403, user.get("/admin/deposits/" + depositId).status());
        assertEquals(403, user.get("/admin/ipn").status());
        user.get("/dashboard");
        assertEquals(403, user.postFormWithCsrf("/admin/deposits/" + depositId + "/recheck", Map.of()).status());
    }

    @Test
    void screenshotsOfTheListAndTheDetail() {
        Browser.assumeAvailable();
        try (Browser b = Browser.open()) {
            WebDriver d = b.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            d.get(server.url("/login"));
            d.findElement(By.id("email")).sendKeys(DemoAccounts.ADMIN_EMAIL);
            d.findElement(By.id("password")).sendKeys(DemoAccounts.ADMIN_PASSWORD);
            d.findElement(By.xpath("//form[contains(@action,'/login')]//button[@type='submit']")).click();
            wait.until(ExpectedConditions.urlMatches("/admin$"));
            Browser.screenshot(d, "admin-users-health");
            d.findElement(By.linkText("Deposits")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=deposits]")));
            Browser.screenshot(d, "admin-deposits");
            d.findElement(By.linkText("#" + depositId)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=timeline]")));
            Browser.screenshot(d, "admin-deposit-detail");
            d.findElement(By.cssSelector("[data-testid=deposit-ipns] [data-testid=replay]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")));
            assertTrue(d.findElement(By.cssSelector("[data-testid=notice]")).getText().contains("replayed"));
            d.findElement(By.linkText("IPN log")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=ipns]")));
            d.findElement(By.cssSelector("[data-testid=ipns] summary")).click();
            Browser.screenshot(d, "admin-ipn-log");
            server.client().postJson("/api/nowpayments/ipn", "{\"payment_id\":1,\"payment_status\":\"finished\"}",
                    Map.of("x-nowpayments-sig", "f".repeat(128)));
            d.findElement(By.linkText("Exceptions")).click();
            wait.until(ExpectedConditions.urlContains("flagged=on"));
            Browser.screenshot(d, "admin-exceptions");
        }
    }
}
