package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.Browsers;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a person sees it, at desktop and phone width: layout, arbitrage table, toasts, sessions. */
class DashboardBrowserIT {
    private static final String PASSWORD = Browsers.PASSWORD;
    private static final By ARB_ROWS = By.cssSelector("[data-testid=arbitrage-table] tbody tr");
    static TestServer server;
    private final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("SANDBOX_STEP_MILLIS", "50"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void quit() {
        browsers.close();
    }

    private WebDriver browser(Dimension size) {
        return browsers.open(size);
    }

    private static Dimension size(String viewport) {
        return Browsers.size(viewport);
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return Browsers.waitFor(d);
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** Signs up in the page and returns the new account's email. */
    private static String signUp(WebDriver d) {
        return Browsers.signUp(d, server, "dash");
    }

    private static TestClient apiAs(String email) {
        TestClient c = server.client();
        return c.withBearer(c.login(email, PASSWORD));
    }

    private static void credit(String email, String amount) {
        long id = apiAs(email).get("/api/me").json().path("id").asLong();
        TestClient admin = server.client();
        admin.withBearer(admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        assertEquals(201, admin.postJson("/api/admin/users/" + id + "/adjustments",
                "{\"amount_usd\":\"" + amount + "\",\"reason\":\"browser test credit\"}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void nothingScrollsSidewaysAndEveryFieldShows(String viewport) {
        WebDriver d = browser(size(viewport));
        String email = signUp(d);
        credit(email, "12.00");
        apiAs(email).postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\"}");
        d.get(server.url("/dashboard"));
        waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ARB_ROWS, 3));
        waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=transactions]"),
                "of $20.00 requested"));
        assertEquals(js(d, "return document.documentElement.clientWidth;"), js(d, "return document.documentElement.scrollWidth;"),
                "the document is exactly as wide as the viewport");
        String pending = d.findElement(By.xpath("//*[@data-testid='transactions']//tr[contains(., 'pending')]")).getText();
        assertTrue(pending.contains("$0.00") && !pending.contains("+$20.00"), "a pending deposit is no credit: " + pending);
        @SuppressWarnings("unchecked")
        List<String> hidden = (List<String>) js(d, """
                const out = [];
                document.querySelectorAll('[data-testid=transactions] td, [data-testid=arbitrage-table] td').forEach(td => {
                  if (!td.textContent.trim()) return;
                  const r = td.getBoundingClientRect();
                  if (r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) out.push(td.textContent.trim());
                });
                return out;""");
        assertTrue(hidden.isEmpty(), "every filled cell is on screen: " + hidden);
        Number header = (Number) js(d, "return document.querySelector('.topbar').getBoundingClientRect().height;");
        assertTrue(header.doubleValue() < 64, "the header is one row: " + header);
        if (viewport.equals("phone")) {
            assertEquals("none", js(d, "return getComputedStyle(document.querySelector('[data-testid=transactions] thead')).display;"),
                    "phone tables are stacked cards");
            assertEquals("Amount", js(d, "return document.querySelector('[data-testid=tx-amount]').getAttribute('data-label');"));
        }
        Browser.screenshot(d, "dashboard-layout-" + viewport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theArbitrageTableOpensOnTheBestRoutesAndSortsByKeyboard(String viewport) {
        WebDriver d = browser(size(viewport));
        signUp(d);
        waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ARB_ROWS, 3));
        WebElement net = d.findElement(By.cssSelector("th[data-sort=net]"));
        assertEquals("descending", net.getAttribute("aria-sort"), "sorted by net spread, best first");
        @SuppressWarnings("unchecked")
        List<String> pairs = (List<String>) js(d,
                "return [...document.querySelectorAll('[data-arb-rows] tr td:first-child')].map(td => td.textContent);");
        assertEquals(pairs.size(), pairs.stream().distinct().count(), "one row per pair: " + pairs);
        @SuppressWarnings("unchecked")
        List<String> sizes = (List<String>) js(d,
                "return [...document.querySelectorAll('[data-arb-rows] tr td:nth-child(8)')].map(td => td.textContent);");
        assertTrue(sizes.stream().allMatch(s -> !s.matches(".*\\.\\d{7,}.*")), "sizes to the asset's precision: " + sizes);
        assertTrue(d.findElement(By.cssSelector("[data-testid=arb-more]")).getText().matches("Show all \\d+ routes"));

        if (viewport.equals("desktop")) { // the header row is not drawn on a phone; its sort buttons are on desktop
            WebElement pairButton = d.findElement(By.cssSelector("th[data-sort=pair] button"));
            js(d, "arguments[0].focus();", pairButton);
            pairButton.sendKeys(Keys.ENTER);
            waitFor(d).until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort=pair]"), "aria-sort", "ascending"));
            assertEquals(null, d.findElement(By.cssSelector("th[data-sort=net]")).getAttribute("aria-sort"));
            d.findElement(By.cssSelector("th[data-sort=gross_pct] button")).sendKeys(Keys.SPACE);
            waitFor(d).until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort=gross_pct]"), "aria-sort", "descending"));
        }
        d.findElement(By.cssSelector("[data-testid=arb-more]")).click();
        waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ARB_ROWS, 6));
        Browser.screenshot(d, "dashboard-arbitrage-" + viewport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aToastIsDrawnAboveAnOpenDialog(String viewport) {
        WebDriver d = browser(size(viewport));
        String email = signUp(d);
        waitFor(d).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-indicator]"), "data-state", "live"));
        d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("deposit-dialog")));
        credit(email, "7.00");
        WebElement toast = waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=toast]")));
        assertTrue((Boolean) js(d, "return document.getElementById('deposit-dialog').open;"), "the dialog is still open");
        Boolean topmost = (Boolean) js(d, """
                const t = arguments[0], r = t.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return t.contains(hit);""", toast);
        assertTrue(topmost, "the toast is the topmost element at its centre");
        Browser.screenshot(d, "dashboard-toast-over-dialog-" + viewport);
    }

    @Test
    void theWelcomeBannerShowsOnce() {
        WebDriver d = browser(Browser.DESKTOP);
        signUp(d);
        assertTrue(d.findElement(By.cssSelector("[data-testid=welcome]")).isDisplayed(), "welcomed after sign-up");
        waitFor(d).until(driver -> !driver.getCurrentUrl().contains("welcome"));
        d.navigate().refresh();
        waitFor(d).until(ExpectedConditions.urlContains("/dashboard"));
        assertTrue(d.findElements(By.cssSelector("[data-testid=welcome]")).isEmpty(), "not again after a reload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aRevokedSessionOnAnOpenDashboardLandsOnTheLoginPage(String viewport) {
        WebDriver d = browser(size(viewport));
        signUp(d);
        waitFor(d).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-indicator]"), "data-state", "live"));
        String token = d.manage().getCookieNamed("arbdesk_session").getValue();
        // the session ends elsewhere (logout from another tab, an admin, a password change): the token is revoked
        assertEquals(204, server.client().withBearer(token).postJson("/api/auth/logout", "{}").status());
        // the open socket is closed with 4401 at once; and the next thing the page asks the API (here: another trade
        // size) answers 401: either way the page goes to the login page, which leads back to the dashboard
        boolean[] asked = {false};
        waitFor(d).ignoring(org.openqa.selenium.WebDriverException.class).until(driver -> {
            if (driver.getCurrentUrl().contains("/login?next=%2Fdashboard")) {
                return true;
            }
            if (!asked[0] && !driver.findElements(By.cssSelector("[data-testid=arb-size] option")).isEmpty()) {
                asked[0] = true;
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=arb-size]"))).selectByIndex(1);
            }
            return false;
        });
        d.findElement(By.id("email"));
        Browser.screenshot(d, "revoked-session-login-" + viewport);
    }

    @Test
    void theBackOfficeDepositsTableFitsItsCardAfterLiveUpdates() {
        String email = "wide-" + UUID.randomUUID().toString().substring(0, 8) + "@a-rather-long-domain-name.example.com";
        TestClient user = server.client();
        user.withBearer(user.signup(email, PASSWORD));
        WebDriver back = browser(Browser.DESKTOP);
        back.get(server.url("/login"));
        back.findElement(By.id("email")).sendKeys(DemoAccounts.ADMIN_EMAIL);
        back.findElement(By.id("password")).sendKeys(DemoAccounts.ADMIN_PASSWORD);
        back.findElement(By.xpath("//form[contains(@action,'/login')]//button[@type='submit']")).click();
        waitFor(back).until(ExpectedConditions.urlContains("/admin"));
        back.get(server.url("/admin/deposits"));
        waitFor(back).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-indicator]"), "data-state", "live"));
        for (String action : new String[] {"pay_part", "overpay", "expire"}) {
            String paymentId = user.postJson("/api/deposits/create",
                    "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"25.00\"}").json().path("payment_id").asText();
            server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/" + action, "{}");
        }
        waitFor(back).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-live-deposits]"), "partially_paid"));
        waitFor(back).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-live-deposits]"), "overpaid"));
        Browser.screenshot(back, "admin-deposits-live-fits");
        String widths = (String) js(back, "const w = document.querySelector('[data-live-deposits]').closest('.table-wrap');"
                + " return w.scrollWidth + ' <= ' + w.clientWidth;");
        String[] sides = widths.split(" <= ");
        assertTrue(Integer.parseInt(sides[0]) <= Integer.parseInt(sides[1]), "the deposits table fits its card at 1366 px: " + widths);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theTransactionListAndTheBalanceAgreeForEveryDepositStatus(String viewport) {
        WebDriver d = browser(size(viewport));
        String email = signUp(d);
        TestClient api = apiAs(email);
        String[][] plan = {{"20.00", null}, {"30.00", "pay_part"}, {"40.00", "expire"}, {"50.00", "pay"}, {"60.00", "refund"}};
        for (String[] step : plan) {
            String paymentId = api.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\""
                    + step[0] + "\"}").json().path("payment_id").asText();
            if (step[1] == null) {
                continue;
            }
            if (step[1].equals("refund")) { // a refund follows a payment
                server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/pay", "{}");
                waitFor(d).until(x -> apiAs(email).get("/api/transactions").body().contains("\"credited_usd\":\"60.00\""));
            }
            server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/" + step[1], "{}");
        }
        waitFor(d).until(x -> {
            String body = api.get("/api/transactions").body();
            return body.contains("refunded") && body.contains("partially_paid") && body.contains("expired") && body.contains("completed");
        });
        d.get(server.url("/dashboard"));
        @SuppressWarnings("unchecked")
        List<String> amounts = (List<String>) js(d,
                "return [...document.querySelectorAll('[data-testid=transactions] [data-testid=tx-amount]')]"
                        + ".map(td => td.firstChild.textContent.trim());");
        assertEquals(5, amounts.size(), amounts.toString());
        long listedCents = amounts.stream().mapToLong(a -> Long.parseLong(a.replaceAll("[^0-9-]", ""))).sum();
        String balance = d.findElement(By.cssSelector("[data-testid=balance]")).getText();
        assertEquals(Long.parseLong(balance.replaceAll("[^0-9-]", "")), listedCents,
                "the balance " + balance + " is the sum of the listed credits " + amounts);
        Browser.screenshot(d, "dashboard-transactions-agree-" + viewport);
    }

    @org.junit.jupiter.api.Test
    void theSandboxInvoicePageFitsItsPopupWithoutArbDeskChrome() {
        WebDriver d = browser(new Dimension(480, 720));
        String email = signUp(d);
        String invoice = apiAs(email).postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\",\"mode\":\"invoice\"}").json()
                .path("invoice_url").asText();
        d.get(invoice);
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".invoice-card")));
        assertTrue(d.findElements(By.cssSelector(".topbar")).isEmpty(), "no ArbDesk header on the provider's stand-in page");
        assertTrue(d.findElements(By.cssSelector(".footer")).isEmpty());
        assertEquals(js(d, "return document.documentElement.clientWidth;"), js(d, "return document.documentElement.scrollWidth;"));
        Browser.screenshot(d, "sandbox-invoice-popup");
    }
}
