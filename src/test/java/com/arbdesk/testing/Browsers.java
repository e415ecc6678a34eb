package com.arbdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browsers one test opens (closed together afterwards) and the steps most browser tests start with. */
public final class Browsers implements AutoCloseable {
    public static final String PASSWORD = "a long passphrase";

    private final List<Browser> open = new ArrayList<>();

    /** A fresh headless Chromium with its window at this size. */
    public WebDriver open(Dimension size) {
        Browser b = Browser.open();
        open.add(b);
        b.driver().manage().window().setSize(size);
        return b.driver();
    }

    /** "desktop" or "phone", as the parameterised tests name their viewports. */
    public static Dimension size(String viewport) {
        return viewport.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
    }

    public static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    /** Signs a new account up through the page and returns its email; the browser is on the dashboard after. */
    public static String signUp(WebDriver d, TestServer server, String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        d.get(server.url("/signup"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("confirm")).sendKeys(PASSWORD);
        d.findElement(By.xpath("//form[contains(@action,'/signup')]//button[@type='submit']")).click();
        waitFor(d).until(ExpectedConditions.urlContains("/dashboard"));
        return email;
    }

    @Override
    public void close() {
        open.forEach(Browser::close);
        open.clear();
    }
}
