package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages as a person uses them, in headless Chromium against the real WAR: sign-up, logout, login errors, back office. */
class BrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20); // as DepositBrowserIT: live rows under a loaded CI machine
    private static final String PASSWORD = "a long passphrase";
    private static final By CURRENT_USER = By.cssSelector("[data-testid=current-user]");
    private static final By BALANCE = By.cssSelector("[data-testid=balance]");
    private static final By FORM_ERROR = By.cssSelector("[data-testid=form-error]");
    private static final By USER_ROWS = By.cssSelector("[data-testid=users] tbody tr");

    private static final String SANDBOX_KEY = "browser-sandbox-key";
    static TestServer server;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", SANDBOX_KEY,
                "SANDBOX_STEP_MILLIS", "200"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void quitBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    @Test
    void signUpLandsOnAnEmptyDashboardAndTheDepositDialogOpens() {
        WebDriver d = browser();
        String email = freshEmail();
        signUp(d, email);

        assertEquals(email, text(d, CURRENT_USER));
        assertEquals("$0.00", text(d, BALANCE));
        assertTrue(d.findElement(By.cssSelector("[data-testid=no-transactions]")).isDisplayed(), "empty transactions state");
        assertTrue(d.findElements(By.cssSelector("[data-testid=transactions]")).isEmpty(), "no transactions table");
        Browser.screenshot(d, "dashboard-new-user");
        Browser.phoneScreenshot(d, "dashboard-phone");

        WebElement dialog = d.findElement(By.id("deposit-dialog"));
        assertFalse(dialog.isDisplayed(), "deposit dialog starts closed");
        d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
        wait(d).until(x -> "true".equals(dialog.getDomProperty("open")) && dialog.isDisplayed());
        assertEquals("Deposit", dialog.findElement(By.id("deposit-title")).getText());
        Browser.screenshot(d, "deposit-dialog");
    }

    /** The one money formatter of the scripts (format.js) keeps every digit and never goes through a float. */
    @Test
    void theFormatModuleGroupsMoneyAsTextAndKeepsItsDigits() {
        WebDriver d = browser();
        d.get(server.url("/login"));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
        assertEquals("$1,234,567.50", js.executeScript("return ArbDeskFormat.usd('1234567.5');"));
        assertEquals("-$0.05", js.executeScript("return ArbDeskFormat.usd('-0.05');"));
        assertEquals("$9,007,199,254,740,993.10", js.executeScript("return ArbDeskFormat.usd('9007199254740993.10');"),
                "beyond 2^53: a float would round the last digit");
        assertEquals("$0.125", js.executeScript("return ArbDeskFormat.usd('0.125');"), "more decimals are kept as given");
        assertEquals("0.30", js.executeScript("return ArbDeskFormat.fromCents(ArbDeskFormat.cents('0.1') + ArbDeskFormat.cents('0.2'));"));
        assertEquals("badge badge-status status-completed", js.executeScript("return ArbDeskFormat.statusClass('completed');"));
    }

    @Test
    void logoutEndsTheSession() {
        WebDriver d = browser();
        signUp(d, freshEmail());

        d.findElement(By.cssSelector("[data-testid=logout]")).click();
        wait(d).until(ExpectedConditions.urlContains("/login"));
        assertTrue(d.findElements(CURRENT_USER).isEmpty(), "no user in the header after logout");

        d.get(server.url("/dashboard"));
        wait(d).until(ExpectedConditions.urlContains("/login"));
        assertTrue(d.findElements(BALANCE).isEmpty(), "dashboard content must not show");
    }

    @Test
    void wrongPasswordShowsTheErrorAndKeepsTheEmail() {
        String email = freshEmail();
        server.client().signup(email, PASSWORD);
        WebDriver d = browser();

        logIn(d, email, "not the password");
        WebElement error = wait(d).until(ExpectedConditions.visibilityOfElementLocated(FORM_ERROR));
        assertTrue(error.getText().toLowerCase(Locale.ROOT).contains("incorrect"), error.getText());
        assertEquals(email, d.findElement(By.id("email")).getDomProperty("value"));
        assertEquals("", d.findElement(By.id("password")).getDomProperty("value"));
        assertTrue(d.getCurrentUrl().contains("/login"), d.getCurrentUrl());
        Browser.screenshot(d, "login-error");
    }

    @Test
    void anAdminCreditShowsInTheBackOfficeAndOnTheUsersDashboard() {
        String email = freshEmail();
        signUp(browser(), email);

        WebDriver admin = browser();
        logIn(admin, DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        wait(admin).until(ExpectedConditions.urlMatches("/admin$"));
        assertEquals(DemoAccounts.ADMIN_EMAIL, text(admin, CURRENT_USER));
        assertTrue(text(admin, By.cssSelector("[data-testid=users]")).contains(email), "new user listed");
        assertTrue(admin.findElements(USER_ROWS).size() > 1, "the list holds more than the new user before searching");
        Browser.screenshot(admin, "admin-users");

        WebElement search = admin.findElement(By.cssSelector("form.search input[name=q]"));
        search.sendKeys(email);
        admin.findElement(By.cssSelector("form.search button[type=submit]")).click();
        wait(admin).until(ExpectedConditions.urlContains("q="));
        List<WebElement> rows = wait(admin).until(ExpectedConditions.numberOfElementsToBe(USER_ROWS, 1));
        assertTrue(rows.get(0).getText().contains(email), rows.get(0).getText());

        rows.get(0).findElement(By.linkText(email)).click();
        wait(admin).until(ExpectedConditions.urlMatches("/admin/users/\\d+$"));
        assertEquals(email, text(admin, By.tagName("h1")));
        assertEquals("$0.00", text(admin, By.cssSelector("[data-testid=user-balance]")));
        admin.findElement(By.id("amount_usd")).sendKeys("12.50");
        admin.findElement(By.id("reason")).sendKeys("Browser test credit");
        admin.findElement(By.xpath("//button[normalize-space()='Record adjustment']")).click();
        WebElement notice = wait(admin).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")));
        assertEquals("Adjustment recorded.", notice.getText());
        assertEquals("$12.50", text(admin, By.cssSelector("[data-testid=user-balance]")));
        assertTrue(text(admin, By.cssSelector("[data-testid=user-transactions]")).contains("Browser test credit"));
        Browser.screenshot(admin, "admin-user-detail");

        WebDriver user = browser();
        logIn(user, email, PASSWORD);
        wait(user).until(ExpectedConditions.urlContains("/dashboard"));
        assertEquals("$12.50", text(user, BALANCE));
        List<WebElement> txRows = user.findElements(By.cssSelector("[data-testid=transactions] tbody tr"));
        assertEquals(1, txRows.size());
        assertTrue(txRows.get(0).getText().contains("Browser test credit"), txRows.get(0).getText());
        assertTrue(user.findElements(By.cssSelector("[data-testid=no-transactions]")).isEmpty());
        Browser.screenshot(user, "dashboard-with-transaction");
    }

    @Test
    void aUserWhoIsNotAnAdminGetsTheForbiddenPageOnTheBackOffice() {
        WebDriver d = browser();
        signUp(d, freshEmail());

        d.get(server.url("/admin"));
        String body = wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText();
        assertTrue(body.toLowerCase(Locale.ROOT).contains("administrators only"), body);
        assertTrue(body.contains("403"), body);
        assertTrue(d.findElements(By.cssSelector("[data-testid=users]")).isEmpty(), "no user list for a non-admin");
        Browser.screenshot(d, "admin-forbidden");
    }

    @Test
    void aPayerPaysFromTheSandboxControlPageAndTheHostedInvoicePage() {
        String paymentId = server.client().postJson("/sandbox/nowpayments/v1/payment",
                "{\"price_amount\":25,\"price_currency\":\"usd\",\"pay_currency\":\"usdttrc20\",\"order_id\":\"browser-order\"}",
                Map.of("x-api-key", SANDBOX_KEY)).json().path("payment_id").asText();
        WebDriver d = browser();
        d.get(server.url("/sandbox/nowpayments/"));
        By row = By.cssSelector("tr[data-payment-id='" + paymentId + "']");
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-payment-id='" + paymentId + "'] button[data-action=pay]")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("tr[data-payment-id='" + paymentId + "'] .badge-status"), "finished"));
        assertTrue(d.findElement(row).getText().contains("browser-order"));
        Browser.screenshot(d, "sandbox-control");

        String invoiceUrl = server.client().postJson("/sandbox/nowpayments/v1/invoice",
                "{\"price_amount\":40,\"price_currency\":\"usd\",\"order_description\":\"Browser invoice\"}",
                Map.of("x-api-key", SANDBOX_KEY)).json().path("invoice_url").asText();
        d.get(invoiceUrl);
        d.findElement(By.cssSelector("[data-testid=choose-coin]")).click();
        WebElement address = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=invoice-address]")));
        assertTrue(address.getText().startsWith("T"), address.getText());
        assertTrue(d.findElement(By.cssSelector("img.qr")).getAttribute("src").startsWith("data:image/svg+xml"));
        Browser.screenshot(d, "sandbox-invoice");
        d.findElement(By.cssSelector("[data-testid=simulate-payment]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pay-box .badge-status"), "finished"));
    }

    @Test
    void theDashboardUpdatesLiveWithAToastWhenMoneyArrives() {
        String email = "live-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        WebDriver d = browser();
        signUp(d, email);
        wait(d).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-indicator]"), "data-state", "live"));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.arbdeskNoReload = true;");
        WebDriver back = browser();
        logIn(back, DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD);
        // the login's own redirect must land first: navigating on while it is in flight raced it (under load the
        // login's answer came last and left the admin on /admin, with no deposits table to update)
        wait(back).until(ExpectedConditions.urlMatches("/admin$"));
        back.get(server.url("/admin/deposits"));
        wait(back).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-live-indicator]"), "data-state", "live"));
        TestClient api = server.client();
        api.withBearer(api.login(email, PASSWORD));
        long userId = api.get("/api/me").json().path("id").asLong();
        TestClient admin = server.client();
        admin.withBearer(admin.login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        admin.postJson("/api/admin/users/" + userId + "/adjustments", "{\"amount_usd\":\"10.00\",\"reason\":\"Live test credit\"}");
        wait(d).until(ExpectedConditions.textToBe(BALANCE, "$10.00"));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=toast]"), "New balance: $10.00"));

        JsonNode deposit = api.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"25.00\"}").json();
        By adminRow = By.cssSelector("[data-live-deposits] tr[data-deposit-id='" + deposit.path("transaction_id").asText() + "']");
        wait(back).until(ExpectedConditions.textToBePresentInElementLocated(adminRow, "pending"));
        assertTrue(back.findElement(adminRow).getText().contains("***@example.com"), "the admin sees the masked email");
        // the live row is the server's row: the pay amount and the network's name are filled in, as on a page load
        List<WebElement> cells = back.findElement(adminRow).findElements(By.tagName("td"));
        assertTrue(cells.get(5).getText().matches("[0-9.]+ USDT"), "pay amount: " + cells.get(5).getText());
        assertTrue(cells.get(4).getText().contains("Tron (TRC20)"), "network: " + cells.get(4).getText());
        Browser.screenshot(back, "admin-deposits-live-new");
        Browser.phoneScreenshot(back, "admin-deposits-live-new-phone");
        server.client().postJson("/sandbox/nowpayments/control/payments/" + deposit.path("payment_id").asText() + "/pay", "{}");
        wait(d).until(ExpectedConditions.textToBe(BALANCE, "$35.00"));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".toasts"),
                "Deposit confirmed! Your new balance is $35.00."));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=transactions]"), "+$25.00"));
        assertTrue(d.findElements(By.cssSelector("[data-live-balance]")).stream().allMatch(e -> e.getText().equals("$35.00")),
                "the portfolio shows the new balance");
        Browser.screenshot(d, "dashboard-live-toast");
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.arbdeskNoReload === true;"),
                "no reload happened");
        wait(back).until(ExpectedConditions.textToBePresentInElementLocated(adminRow, "completed"));
        assertTrue(back.findElement(By.cssSelector("[data-live-counter]")).getText().startsWith("1 new"), "the live counter");
        Browser.screenshot(back, "admin-deposits-live");
    }

    @Test
    void theArbitrageTableRendersFiltersAndRefreshes() {
        WebDriver d = browser();
        signUp(d, "arb-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        By rows = By.cssSelector("[data-testid=arbitrage-table] tbody tr");
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=arb-source]"), "simulated market data"));
        wait(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 3));
        wait(d).until(ExpectedConditions.textMatches(By.cssSelector("[data-testid=arb-updated]"), java.util.regex.Pattern.compile("updated \\d+ s ago")));
        assertEquals(6, d.findElements(rows).size(), "the best route of each of the six pairs first");
        d.findElement(By.cssSelector("[data-testid=arb-more]")).click();
        wait(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(rows, 20));
        String first = d.findElement(By.cssSelector("[data-arbitrage]")).getAttribute("data-updated-at");
        wait(d).until(driver -> !first.equals(driver.findElement(By.cssSelector("[data-arbitrage]")).getAttribute("data-updated-at")));
        new org.openqa.selenium.support.ui.Select(d.findElement(By.cssSelector("[data-testid=arb-pair]"))).selectByValue("ETH/BTC");
        wait(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElements(rows).stream().allMatch(r -> r.getText().startsWith("ETH/BTC")));
        d.findElement(By.cssSelector("th[data-sort=buy_exchange] button")).click();
        // the table re-renders on every market update, so read it inside a wait that tolerates a stale row
        wait(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            List<String> buys = driver.findElements(By.cssSelector("[data-testid=arbitrage-table] tbody tr td:nth-child(2)"))
                    .stream().map(WebElement::getText).toList();
            List<String> sorted = new ArrayList<>(buys);
            sorted.sort(java.util.Comparator.naturalOrder());
            return buys.size() > 1 && sorted.equals(buys);
        });
        Browser.screenshot(d, "dashboard-arbitrage");
    }

    private WebDriver browser() {
        Browser b = Browser.open();
        browsers.add(b);
        return b.driver();
    }

    private static void signUp(WebDriver d, String email) {
        d.get(server.url("/signup"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("confirm")).sendKeys(PASSWORD);
        d.findElement(By.xpath("//form[contains(@action,'/signup')]//button[@type='submit']")).click();
        wait(d).until(ExpectedConditions.urlContains("/dashboard"));
        wait(d).until(ExpectedConditions.textToBe(CURRENT_USER, email));
    }

    private static void logIn(WebDriver d, String email, String password) {
        d.get(server.url("/login"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.xpath("//form[contains(@action,'/login')]//button[@type='submit']")).click();
    }

    private static String text(WebDriver d, By by) {
        return wait(d).until(ExpectedConditions.visibilityOfElementLocated(by)).getText().trim();
    }

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    private static String freshEmail() {
        return "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
