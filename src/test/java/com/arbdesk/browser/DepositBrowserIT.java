package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.Browser;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The deposit dialog in headless Chromium against the real WAR and its built-in NOWPayments sandbox. */
class DepositBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "a long passphrase";
    private static final String SANDBOX_KEY = "deposit-browser-sandbox-key";
    private static final By DIALOG = By.id("deposit-dialog");
    private static final By BALANCE = By.cssSelector("[data-testid=balance]");
    private static final By PAY_STEP = By.cssSelector("[data-testid=deposit-pay]");
    private static final By STATUS = By.cssSelector("[data-testid=deposit-status] [data-field=status-text]");
    private static final By MINIMUM = By.cssSelector("[data-testid=minimum]");
    private static final By AMOUNT = By.cssSelector("[data-testid=amount]");
    private static final By BANNER = By.cssSelector("[data-testid=open-deposit]");

    static TestServer server;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("APP_MODE", "demo", "NOWPAYMENTS_API_KEY", SANDBOX_KEY, "SANDBOX_STEP_MILLIS", "200"));
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
    void anAddressDepositIsPaidAndCreditedLive() {
        WebDriver d = signedUpBrowser();
        openDialog(d);
        WebElement usdt = d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=USDT]"));
        assertEquals("true", usdt.getAttribute("aria-selected"));
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=network-picker] [aria-pressed=true]"), "TRC20"));
        assertEquals("USDT", d.findElement(By.cssSelector("[data-testid=network-badge] .net-coin")).getText());
        assertEquals("TRC20", d.findElement(By.cssSelector("[data-testid=network-badge] .net-net")).getText());
        assertEquals("Send only USDT on Tron (TRC20). Sending on another network loses the funds.",
                d.findElement(By.cssSelector("[data-testid=network-warning]")).getText());
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));
        assertEquals("Pay with USDT-TRC20 in a popup", d.findElement(By.cssSelector("[data-testid=pay-popup]")).getText());
        Browser.screenshot(d, "deposit-choose");
        Browser.phoneScreenshot(d, "deposit-choose-phone");

        d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=USDC]")).click();
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=network-badge] .net-net"), "ERC20"));
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $15.00"));
        assertEquals(4, d.findElements(By.cssSelector("[data-testid=network-picker] button")).size());
        d.findElement(By.cssSelector("[data-testid=network-picker] button[title=Polygon]")).click();
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));
        assertEquals("Send only USDC on Polygon. Sending on another network loses the funds.",
                d.findElement(By.cssSelector("[data-testid=network-warning]")).getText());
        Browser.screenshot(d, "deposit-choose-usdc");
        d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=BTC]")).click();
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $12.00"));
        assertTrue(!d.findElement(By.cssSelector("[data-testid=network-picker]")).isDisplayed(), "one network: no picker");
        assertEquals("Pay with BTC in a popup", d.findElement(By.cssSelector("[data-testid=pay-popup]")).getText());
        Browser.screenshot(d, "deposit-choose-btc");
        d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=USDT]")).click();
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));
        assertEquals("TRC20", d.findElement(By.cssSelector("[data-testid=network-badge] .net-net")).getText());

        d.findElement(AMOUNT).sendKeys("50.00");
        d.findElement(By.cssSelector("[data-testid=generate]")).click();
        WebElement step = wait(d).until(ExpectedConditions.visibilityOfElementLocated(PAY_STEP));
        String address = text(d, By.cssSelector("[data-testid=pay-address]"));
        assertTrue(address.startsWith("T"), address);
        assertEquals("50", text(d, By.cssSelector("[data-testid=pay-amount]")));
        assertEquals("Waiting for payment…", text(d, STATUS));
        assertTrue(text(d, By.cssSelector("[data-testid=countdown]")).matches("Amount guaranteed for \\d{2}:\\d{2}"));
        assertTrue(text(d, By.cssSelector("[data-testid=valid-until]")).startsWith("This address takes payments until"));
        WebElement qr = d.findElement(By.cssSelector("[data-testid=qr]"));
        wait(d).until(x -> ((Number) js(x, "return arguments[0].complete ? arguments[0].naturalWidth : 0", qr)).intValue() > 0);
        assertTrue(qr.isDisplayed());
        d.findElement(By.cssSelector("[data-testid=copy-address]")).click();
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=copy-address]"), "Copied"));
        Browser.screenshot(d, "deposit-address");
        Browser.phoneScreenshot(d, "deposit-address-phone");

        String paymentId = step.getAttribute("data-payment-id");
        assertTrue(paymentId.matches("\\d+"), paymentId);
        sandbox(paymentId, "pay");
        wait(d).until(ExpectedConditions.textToBe(STATUS, "Credited: +$50.00"));
        wait(d).until(ExpectedConditions.textToBe(BALANCE, "$50.00"));
        assertTrue(text(d, By.cssSelector("[data-testid=deposit-success]")).contains("$50.00"));
        assertTrue(d.findElement(By.cssSelector("[data-testid=countdown]")).getText().isEmpty(), "no countdown once paid");
        Browser.screenshot(d, "deposit-credited");
        Browser.phoneScreenshot(d, "deposit-credited-phone");
    }

    @Test
    void anAmountBelowTheMinimumShowsTheServersMessageAtTheField() {
        WebDriver d = signedUpBrowser();
        openDialog(d);
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));

        d.findElement(AMOUNT).sendKeys("12.345");
        d.findElement(By.cssSelector("[data-testid=generate]")).click();
        assertTrue(text(d, By.cssSelector("[data-testid=amount-error]")).contains("at most 2 decimals"));

        d.findElement(AMOUNT).clear();
        d.findElement(AMOUNT).sendKeys("5.00");
        d.findElement(By.cssSelector("[data-testid=generate]")).click();
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=amount-error]"),
                "The minimum deposit for USDT on Tron (TRC20) is $10.00"));
        assertTrue(d.findElement(By.cssSelector("[data-testid=deposit-choose]")).isDisplayed(), "stays on step 1");
        assertTrue(d.findElements(By.cssSelector("[data-testid=deposit-pay]")).stream().noneMatch(WebElement::isDisplayed));
        Browser.screenshot(d, "deposit-below-minimum");
        Browser.phoneScreenshot(d, "deposit-below-minimum-phone");
    }

    @Test
    void anOpenDepositIsOfferedAfterAReloadWithItsTrueStatus() {
        WebDriver d = signedUpBrowser();
        openDialog(d);
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));
        d.findElement(AMOUNT).sendKeys("50.00");
        d.findElement(By.cssSelector("[data-testid=generate]")).click();
        String address = text(d, By.cssSelector("[data-testid=pay-address]"));
        String paymentId = d.findElement(PAY_STEP).getAttribute("data-payment-id");

        d.navigate().refresh();
        WebElement banner = wait(d).until(ExpectedConditions.visibilityOfElementLocated(BANNER));
        assertEquals("Open deposit: 50.00 USD in USDT (TRC20) — Waiting for payment… Show", banner.getText().replace('\n', ' '));

        sandbox(paymentId, "pay_part");
        String paid = waitForSandboxStatus(paymentId, "partially_paid");
        d.navigate().refresh();
        String received = "Received " + paid + " of 50 USDT";
        wait(d).until(ExpectedConditions.textToBePresentInElementLocated(BANNER, received));
        Browser.screenshot(d, "deposit-open-banner");

        d.findElement(By.cssSelector("[data-testid=open-deposit-show]")).click();
        wait(d).until(x -> "true".equals(x.findElement(DIALOG).getDomProperty("open")));
        wait(d).until(ExpectedConditions.visibilityOfElementLocated(PAY_STEP));
        assertEquals(paymentId, d.findElement(PAY_STEP).getAttribute("data-payment-id"));
        assertEquals(received, text(d, STATUS));
        assertTrue(d.findElements(By.cssSelector("[data-testid=pay-address]")).stream().noneMatch(WebElement::isDisplayed),
                "no address to send more to once partially paid");
        WebElement topUp = d.findElement(By.cssSelector("[data-testid=top-up]"));
        assertEquals("Top up the rest ($25.00)", topUp.getText());
        Browser.screenshot(d, "deposit-partially-paid");
        Browser.phoneScreenshot(d, "deposit-partially-paid-phone");

        topUp.click();
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=pay-amount]"), "25"));
        assertEquals("Waiting for payment…", text(d, STATUS));
        String newAddress = text(d, By.cssSelector("[data-testid=pay-address]"));
        assertTrue(!newAddress.equals(address) && newAddress.startsWith("T"), newAddress);

        // the deposit button reopens the open deposit too
        d.findElement(By.cssSelector("#deposit-dialog [data-close-dialog]")).click();
        d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
        wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=pay-address]"), newAddress));
    }

    @Test
    void anInvoicePaidInThePopupIsCreditedAndThePopupClosesByItself() {
        WebDriver d = signedUpBrowser();
        String main = d.getWindowHandle();
        openDialog(d);
        wait(d).until(ExpectedConditions.textToBe(MINIMUM, "Minimum $10.00"));
        d.findElement(AMOUNT).sendKeys("50.00");
        d.findElement(By.cssSelector("[data-testid=pay-popup]")).click();

        wait(d).until(x -> x.getWindowHandles().size() == 2);
        wait(d).until(ExpectedConditions.textToBe(STATUS, "Waiting for payment…"));
        assertEquals("Complete the payment in the popup", text(d, By.cssSelector("[data-part=invoice] .big")));
        assertTrue(d.findElements(By.cssSelector("[data-testid=popup-blocked]")).stream().noneMatch(WebElement::isDisplayed));
        Browser.screenshot(d, "deposit-invoice-waiting");

        String popup = d.getWindowHandles().stream().filter(h -> !h.equals(main)).findFirst().orElseThrow();
        d.switchTo().window(popup);
        wait(d).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=choose-coin]"))).click();
        wait(d).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=simulate-payment]"))).click();
        d.switchTo().window(main);

        wait(d).until(x -> x.getWindowHandles().size() == 1);
        wait(d).until(ExpectedConditions.textToBe(STATUS, "Credited: +$50.00"));
        wait(d).until(ExpectedConditions.textToBe(BALANCE, "$50.00"));
        Browser.screenshot(d, "deposit-invoice-credited");
        Browser.phoneScreenshot(d, "deposit-invoice-credited-phone");
    }

    private String waitForSandboxStatus(String paymentId, String status) {
        TestClient c = server.client();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TestClient.Res r = c.get("/sandbox/nowpayments/control/payments/" + paymentId);
            if (status.equals(r.json().path("payment_status").asText())) {
                return r.json().path("actually_paid").asText();
            }
            sleep(100);
        }
        throw new AssertionError("sandbox payment " + paymentId + " never became " + status);
    }

    private static void sandbox(String paymentId, String action) {
        TestClient.Res r = server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/" + action, "{}");
        assertEquals(200, r.status(), r.body());
    }

    private WebDriver signedUpBrowser() {
        Browser b = Browser.open();
        browsers.add(b);
        WebDriver d = b.driver();
        String email = "deposit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        d.get(server.url("/signup"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("confirm")).sendKeys(PASSWORD);
        d.findElement(By.xpath("//form[contains(@action,'/signup')]//button[@type='submit']")).click();
        wait(d).until(ExpectedConditions.urlContains("/dashboard"));
        wait(d).until(ExpectedConditions.textToBe(BALANCE, "$0.00"));
        return d;
    }

    private static void openDialog(WebDriver d) {
        d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
        wait(d).until(x -> "true".equals(x.findElement(DIALOG).getDomProperty("open")));
        wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=deposit-choose]")));
    }

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    private static String text(WebDriver d, By by) {
        return wait(d).until(ExpectedConditions.visibilityOfElementLocated(by)).getText().trim();
    }

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
