package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * At desktop and phone width: a rule made on the Alerts page (any route, net ≥ -100 % at $100, no duration, so
 * the simulated market matches it on the next poll) brings its toast; later firings raise the header badge on
 * the dashboard, and opening the Alerts page clears it and lists the firings.
 */
class AlertsBrowserIT {
    private static final By ALERT_TOAST = By.xpath("//*[@data-testid='toast'][starts-with(normalize-space(.), 'Alert:')]");
    private static final By BADGE = By.cssSelector("[data-testid=alerts-badge]");
    static TestServer server;
    private final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        // a short cooldown: the rule's other routes fire every few seconds, so the dashboard sees one too
        server = TestServer.start(Map.of("ARBITRAGE_POLL_SECONDS", "1", "ALERT_COOLDOWN_SECONDS", "4"));
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

    private static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    private static void assertFitsTheWidth(WebDriver d, WebElement el, String what) {
        Number overflow = (Number) js(d, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow.intValue(), "nothing scrolls sideways");
        Number right = (Number) js(d, "return arguments[0].getBoundingClientRect().right - document.documentElement.clientWidth;", el);
        Number left = (Number) js(d, "return arguments[0].getBoundingClientRect().left;", el);
        assertTrue(right.doubleValue() <= 0 && left.doubleValue() >= 0, what + " inside the viewport: left " + left + ", right over " + right);
    }

    /** What the window shows (the toast is fixed to it): the whole-page shot of a long page hides it in the height. */
    private static void viewportShot(WebDriver d, String name) {
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) d).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aRuleMadeOnThePageBringsItsToastAndTheBadge(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "alerts");
        d.findElement(By.cssSelector("[data-testid=nav-alerts]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.urlContains("/alerts"));
        Browsers.waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=rules-table]"), "No rules yet"));
        Browser.screenshot(d, "alerts-empty-" + viewport);

        // a webhook nobody answers (port 9 on loopback, allowed in demo mode): its failed attempts fill the delivery log
        d.findElement(By.cssSelector("[data-testid=webhook-url]")).sendKeys("http://127.0.0.1:9/hook");
        d.findElement(By.cssSelector("[data-testid=webhook-save]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=webhook-secret]"), "whsec_"));
        assertTrue(d.findElement(By.cssSelector("[data-testid=webhook-secret]")).getText().contains("••"), "masked until revealed");
        d.findElement(By.cssSelector("[data-webhook-reveal]")).click();
        assertTrue(d.findElement(By.cssSelector("[data-testid=webhook-secret]")).getText().matches("whsec_[A-Za-z0-9_-]{43}"));

        new Select(d.findElement(By.cssSelector("[data-testid=rule-size]"))).selectByValue("100");
        WebElement net = d.findElement(By.cssSelector("[data-testid=rule-min-net]"));
        net.clear();
        net.sendKeys("abc");
        d.findElement(By.cssSelector("[data-testid=rule-save]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=rule-error]")));
        assertTrue(d.findElement(By.cssSelector("[data-testid=rule-error]")).getText().contains("min_net_pct"));
        net.clear();
        net.sendKeys("-100");
        WebElement duration = d.findElement(By.cssSelector("[data-testid=rule-duration]"));
        duration.clear();
        duration.sendKeys("0");
        d.findElement(By.cssSelector("[data-testid=rule-save]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-rule-id]"), 1));
        assertTrue(d.findElement(By.cssSelector("[data-rule-id]")).getText().contains("-100 %"));

        WebElement toast = Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(ALERT_TOAST));
        assertTrue(toast.getText().contains("nets") && toast.getText().contains("$100"), toast.getText());
        assertFitsTheWidth(d, toast, "the toast");
        Browser.screenshot(d, "alerts-toast-" + viewport);
        Browsers.waitFor(d).until(dr -> !dr.findElements(By.cssSelector("[data-firing-rows] tr td.mono")).isEmpty());

        d.get(server.url("/dashboard"));
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(ALERT_TOAST));
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(BADGE));
        assertTrue(Integer.parseInt(d.findElement(BADGE).getText()) >= 1, d.findElement(BADGE).getText());
        assertFitsTheWidth(d, d.findElement(BADGE), "the badge");
        assertFitsTheWidth(d, d.findElement(ALERT_TOAST), "the toast");
        Browser.screenshot(d, "alerts-dashboard-toast-" + viewport);
        viewportShot(d, "alerts-dashboard-toast-viewport-" + viewport);

        d.findElement(By.cssSelector("[data-testid=nav-alerts]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.urlContains("/alerts"));
        Browsers.waitFor(d).until(ExpectedConditions.invisibilityOfElementLocated(BADGE));
        Browsers.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-delivery-status] [data-testid=redeliver]")));
        assertTrue(d.findElement(By.cssSelector("[data-delivery-status]")).getText().contains("#1"), "the attempts are listed");
        Browser.screenshot(d, "alerts-page-" + viewport);
    }
}
