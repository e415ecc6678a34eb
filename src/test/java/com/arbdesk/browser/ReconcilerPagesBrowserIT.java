package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back office's view of the reconciler in headless Chromium: the health panel's lag, checks and
 * errors, the deposits no longer watched, and "Check it again" on one of them (short clocks: the
 * sandbox expires payments after 3 s, the grace is 2 s).
 */
class ReconcilerPagesBrowserIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("SANDBOX_STEP_MILLIS", "50", "SANDBOX_VALID_SECONDS", "3",
                "RECONCILE_INTERVAL_SECONDS", "1", "RECONCILE_AFTER_SECONDS", "1", "RECONCILE_BACKOFF", "1s",
                "RECONCILE_GRACE_SECONDS", "2"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHealthPanelTheUnwatchedListAndCheckItAgain() {
        TestClient user = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
        TestClient.Res r = user.postJson("/api/deposits/create", "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"25.00\"}");
        assertEquals(201, r.status(), r.body());
        long id = r.json().path("transaction_id").asLong();
        TestClient admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (admin.get("/api/admin/deposits/" + id).json().path("watch").path("unwatched_at").isNull()
                && System.nanoTime() < deadline) {
            sleep(200);
        }
        try (Browser b = Browser.open()) {
            WebDriver d = b.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            d.get(server.url("/login"));
            d.findElement(By.id("email")).sendKeys(DemoAccounts.ADMIN_EMAIL);
            d.findElement(By.id("password")).sendKeys(DemoAccounts.ADMIN_PASSWORD);
            d.findElement(By.xpath("//form[contains(@action,'/login')]//button[@type='submit']")).click();
            wait.until(ExpectedConditions.urlMatches("/admin$"));
            assertTrue(d.findElement(By.cssSelector("[data-testid=reconciler-checks]")).getText().matches("\\d+"));
            assertTrue(Integer.parseInt(d.findElement(By.cssSelector("[data-testid=reconciler-unwatched]")).getText()) >= 1);
            Browser.screenshot(d, "admin-reconciler-health");
            Browser.phoneScreenshot(d, "admin-reconciler-health-phone");

            d.findElement(By.cssSelector("[data-testid=reconciler-unwatched] a")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=unwatched-note]")));
            Browser.screenshot(d, "admin-unwatched");
            d.findElement(By.linkText("#" + id)).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=watch-again]")));
            assertTrue(d.findElement(By.cssSelector("[data-testid=watch]")).getText().startsWith("No longer watched since"));
            Browser.screenshot(d, "admin-deposit-unwatched");
            Browser.phoneScreenshot(d, "admin-deposit-unwatched-phone");
            d.findElement(By.cssSelector("[data-testid=watch-again]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")));
            assertTrue(d.findElement(By.cssSelector("[data-testid=notice]")).getText().startsWith("Watched again"));
            assertTrue(d.findElement(By.cssSelector("[data-testid=watch]")).getText().matches("(Next check in|Check due now).*"),
                    d.findElement(By.cssSelector("[data-testid=watch]")).getText());
            Browser.screenshot(d, "admin-deposit-watched-again");
        }
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
