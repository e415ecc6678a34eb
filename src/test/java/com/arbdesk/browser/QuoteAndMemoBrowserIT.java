package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.Browser;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The deposit modal's two clocks and a memo coin, in headless Chromium: the quote (5 seconds here)
 * lapses and the amount is refreshed instead of "Expired", the address's own validity is stated, an XRP
 * deposit shows its memo with a copy button and a warning, and the payer's transaction is linked once paid.
 */
class QuoteAndMemoBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final By COUNTDOWN = By.cssSelector("[data-testid=countdown]");
    private static final By STATUS = By.cssSelector("[data-testid=deposit-status] [data-field=status-text]");
    static TestServer server;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("SANDBOX_QUOTE_SECONDS", "5", "SANDBOX_STEP_MILLIS", "300"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLapsedQuoteIsRefreshedAndAMemoCoinShowsItsMemoAndThePayersTransaction() {
        try (Browser b = Browser.open()) {
            WebDriver d = b.driver();
            d.get(server.url("/signup"));
            d.findElement(By.id("email")).sendKeys("memo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
            d.findElement(By.id("password")).sendKeys("a long passphrase");
            d.findElement(By.id("confirm")).sendKeys("a long passphrase");
            d.findElement(By.xpath("//form[contains(@action,'/signup')]//button[@type='submit']")).click();
            wait(d).until(ExpectedConditions.urlContains("/dashboard"));
            d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
            wait(d).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#deposit-dialog [role=tab][data-coin=XRP]"))).click();
            wait(d).until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=minimum]"), "Minimum $5.00"));
            d.findElement(By.cssSelector("[data-testid=amount]")).sendKeys("20.00");
            d.findElement(By.cssSelector("[data-testid=generate]")).click();
            wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=deposit-pay]")));

            String memo = text(d, By.cssSelector("[data-testid=pay-memo]"));
            assertTrue(memo.matches("\\d{9}"), memo);
            assertTrue(text(d, By.cssSelector("[data-testid=memo-warning]")).startsWith("Include this memo (destination tag) " + memo));
            assertTrue(d.findElement(By.cssSelector("[data-testid=copy-memo]")).isDisplayed());
            assertTrue(text(d, By.cssSelector("[data-testid=valid-until]")).startsWith("This address takes payments until"));
            assertTrue(text(d, COUNTDOWN).matches("Amount guaranteed for 00:0\\d"), text(d, COUNTDOWN));
            Browser.screenshot(d, "deposit-memo");
            Browser.phoneScreenshot(d, "deposit-memo-phone");

            wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=quote-refreshed]")));
            assertEquals("The amount was refreshed at the current rate.", text(d, By.cssSelector("[data-testid=quote-refreshed]")));
            assertTrue(text(d, COUNTDOWN).matches("Amount guaranteed for 00:0\\d"), "a new quote: " + text(d, COUNTDOWN));
            assertEquals("Waiting for payment…", text(d, STATUS));
            assertFalse(d.findElement(By.id("deposit-dialog")).getText().contains("Expired"), "a lapsed quote is not an expired deposit");
            Browser.screenshot(d, "deposit-quote-refreshed");

            String paymentId = d.findElement(By.cssSelector("[data-testid=deposit-pay]")).getAttribute("data-payment-id");
            TestClient.Res paid = server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/pay", "{}");
            assertEquals(200, paid.status(), paid.body());
            wait(d).until(ExpectedConditions.textToBe(STATUS, "Credited: +$20.00"));
            wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=payin-hash]")));
            String href = d.findElement(By.cssSelector("[data-field=payin-hash-link]")).getAttribute("href");
            assertTrue(href.startsWith("https://xrpscan.com/tx/"), href);
            wait(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=tx-link]")));
            Browser.screenshot(d, "deposit-memo-credited");
            Browser.phoneScreenshot(d, "deposit-memo-credited-phone");

            d.get(server.url("/sandbox/nowpayments/"));
            new WebDriverWait(d, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#sandbox-rows [data-action=lose_ipns]")));
            assertTrue(d.findElement(By.cssSelector("[data-testid=rate-limit-form]")).isDisplayed());
            Browser.screenshot(d, "sandbox-control");
            Browser.phoneScreenshot(d, "sandbox-control-phone");
        }
    }

    private static WebDriverWait wait(WebDriver d) {
        return new WebDriverWait(d, WAIT);
    }

    private static String text(WebDriver d, By by) {
        return wait(d).until(ExpectedConditions.visibilityOfElementLocated(by)).getText().trim();
    }
}
