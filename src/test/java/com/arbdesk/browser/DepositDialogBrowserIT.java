package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.Browser;
import com.arbdesk.testing.Browsers;
import com.arbdesk.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The deposit dialog always offers a way forward, at desktop and phone width. */
class DepositDialogBrowserIT {
    private static final By DIALOG = By.id("deposit-dialog");
    private static final By CHOOSE = By.cssSelector("[data-testid=deposit-choose]");
    private static final By PAY = By.cssSelector("[data-testid=deposit-pay]");
    private static final By BANNER = By.cssSelector("[data-testid=open-deposit]");
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

    private WebDriver signedUp(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "dialog");
        return d;
    }

    private static WebDriverWait waitFor(WebDriver d) {
        return Browsers.waitFor(d);
    }

    private static void openDialog(WebDriver d) {
        d.findElement(By.cssSelector("[data-testid=deposit-button]")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(DIALOG));
    }

    /** Generates a deposit of this coin and amount and returns its payment id. */
    private static String generate(WebDriver d, String coin, String amount) {
        d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=" + coin + "]")).click();
        waitFor(d).until(ExpectedConditions.textMatches(By.cssSelector("[data-testid=minimum]"), java.util.regex.Pattern.compile("Minimum \\$.*")));
        WebElement input = d.findElement(By.cssSelector("[data-testid=amount]"));
        input.clear();
        input.sendKeys(amount);
        d.findElement(By.cssSelector("[data-testid=generate]")).click();
        WebElement pay = waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(PAY));
        waitFor(d).until(x -> !pay.getAttribute("data-payment-id").isEmpty());
        return pay.getAttribute("data-payment-id");
    }

    private static void closeDialog(WebDriver d) {
        d.findElement(By.cssSelector("#deposit-dialog [data-close-dialog]")).click();
        waitFor(d).until(ExpectedConditions.invisibilityOfElementLocated(DIALOG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void anOpenDepositCanBeLeftForANewOneOrSetAside(String viewport) {
        WebDriver d = signedUp(viewport);
        openDialog(d);
        String btc = generate(d, "BTC", "40.00");
        assertTrue(d.findElement(By.cssSelector("[data-testid=wallet-link]")).getAttribute("href").startsWith("bitcoin:"),
                "an Open in wallet link with the BIP-21 URI");
        assertEquals("Waiting for payment", d.findElement(By.cssSelector("[data-step-of=pending]")).getText().replaceFirst("^\\d\\. ", ""));
        assertTrue(d.findElement(By.cssSelector("[data-step-of=pending]")).getAttribute("class").contains("now"));
        d.findElement(By.cssSelector("[data-testid=copy-address]")).click();
        waitFor(d).until(x -> !x.findElement(By.cssSelector("[data-testid=copy-address]")).getText().equals("Copy"));
        closeDialog(d);

        openDialog(d);
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(PAY));
        assertTrue(d.findElement(By.cssSelector("[data-testid=cancel-deposit]")).isDisplayed(), "Cancel this one");
        d.findElement(By.cssSelector("[data-testid=new-deposit]")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(CHOOSE));
        String usdt = generate(d, "USDT", "25.00");
        assertNotEquals(btc, usdt, "a second deposit, in another coin");
        assertEquals("Copy", d.findElement(By.cssSelector("[data-testid=copy-address]")).getText(),
                "the copy button of the new address does not say Copied");
        Browser.screenshot(d, "deposit-second-" + viewport);

        d.findElement(By.cssSelector("[data-testid=cancel-deposit]")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=set-aside-note]")));
        assertTrue(d.findElement(CHOOSE).isDisplayed());
        closeDialog(d);
        d.navigate().refresh();
        waitFor(d).until(ExpectedConditions.urlContains("/dashboard"));
        // the set-aside USDT deposit is not shown again; the BTC one is still open and is
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(BANNER));
        assertTrue(d.findElement(BANNER).getText().contains("BTC"), d.findElement(BANNER).getText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void anExpiredDepositOffersARetryAfterAReload(String viewport) {
        WebDriver d = signedUp(viewport);
        openDialog(d);
        String paymentId = generate(d, "USDT", "33.00");
        closeDialog(d);
        assertEquals(200, server.client().postJson("/sandbox/nowpayments/control/payments/" + paymentId + "/expire", "{}").status());
        waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=transactions]"), "expired"));
        d.navigate().refresh();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=open-deposit-retry]")));
        assertTrue(d.findElement(BANNER).getText().contains("expired"), d.findElement(BANNER).getText());
        Browser.screenshot(d, "deposit-expired-banner-" + viewport);
        d.findElement(By.cssSelector("[data-testid=open-deposit-retry]")).click();
        waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(CHOOSE));
        assertEquals("33.00", d.findElement(By.cssSelector("[data-testid=amount]")).getAttribute("value"), "the same amount");
        assertEquals("true", d.findElement(By.cssSelector("#deposit-dialog [role=tab][data-coin=USDT]")).getAttribute("aria-selected"));
        String again = generate(d, "USDT", "33.00");
        assertNotEquals(paymentId, again);
    }
}
