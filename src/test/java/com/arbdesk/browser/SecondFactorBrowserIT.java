package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.Base32;
import com.arbdesk.auth.Totp;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.Browsers;
import com.arbdesk.testing.SecondFactors;
import com.arbdesk.testing.TestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two-step login in headless Chromium at desktop and phone width: set it up from the Account page (the
 * test reads the key shown and computes the codes an app would), see the recovery codes once, then log
 * in again with the password and a code; a wrong code is refused with the form kept.
 */
class SecondFactorBrowserIT {
    static TestServer server;
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void enrolThenLogInWithACode(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        String email = Browsers.signUp(d, server, "totp-" + viewport);
        d.get(server.url("/account"));
        d.findElement(By.cssSelector("[data-testid=second-factor-start]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.urlContains("/account/second-factor"));
        WebElement qr = d.findElement(By.cssSelector("[data-testid=totp-qr]"));
        assertTrue(qr.getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        assertTrue(qr.getSize().getWidth() >= 150, "the QR code is big enough to scan: " + qr.getSize());
        String secret = d.findElement(By.cssSelector("[data-testid=totp-secret]")).getAttribute("data-secret");
        assertEquals(secret, d.findElement(By.cssSelector("[data-testid=totp-secret]")).getText().replace(" ", ""));
        Browser.screenshot(d, "second-factor-enrol-" + viewport);

        d.findElement(By.id("code")).sendKeys("000000".equals(code(secret, 0)) ? "111111" : "000000");
        d.findElement(By.xpath("//form[contains(@action,'/confirm')]//button")).click();
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=form-error]")));
        long step = Totp.step(Instant.now());
        d.findElement(By.id("code")).sendKeys(Totp.code(Base32.decode(secret), step, Totp.DIGITS));
        d.findElement(By.xpath("//form[contains(@action,'/confirm')]//button")).click();
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=recovery-codes]")));
        List<WebElement> codes = d.findElements(By.cssSelector("[data-testid=recovery-codes] li"));
        assertEquals(10, codes.size());
        Browser.screenshot(d, "second-factor-codes-" + viewport);

        d.get(server.url("/account"));
        assertTrue(d.findElement(By.cssSelector("[data-testid=second-factor-on]")).isDisplayed());
        assertFalse(d.getPageSource().contains(secret), "the key is not shown again");
        Browser.screenshot(d, "second-factor-account-" + viewport);

        d.manage().deleteAllCookies();
        d.get(server.url("/login"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(Browsers.PASSWORD);
        d.findElement(By.xpath("//form[contains(@action,'/login')]//button[@type='submit']")).click();
        Browsers.waitFor(d).until(ExpectedConditions.urlContains("/login/second-factor"));
        Browser.screenshot(d, "second-factor-login-" + viewport);
        // the enrolment used this step's code: the next step's, which an app a little ahead shows (the drift window)
        d.findElement(By.id("code")).sendKeys(Totp.code(Base32.decode(secret), SecondFactors.unusedStep(step), Totp.DIGITS));
        d.findElement(By.xpath("//form[contains(@action,'/login/second-factor')]//button")).click();
        Browsers.waitFor(d).until(ExpectedConditions.urlContains("/dashboard"));
        assertEquals(email, d.findElement(By.cssSelector("[data-testid=current-user]")).getAttribute("textContent").trim());
    }

    private static String code(String secret, int offset) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + offset, Totp.DIGITS);
    }
}
