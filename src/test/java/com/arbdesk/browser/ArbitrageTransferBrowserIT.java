package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.arbitrage.StubExchangeServer;
import com.arbdesk.arbitrage.TransferStubs;
import com.arbdesk.testing.Browser;
import com.arbdesk.testing.Browsers;
import com.arbdesk.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The arbitrage table's transfer column at desktop and phone width, on the live source against loopback exchanges
 * whose KuCoin closes BTC withdrawals: the network, time and capture odds of the route that can move, the
 * not-transferable mark and reason on the one that cannot (listed after it), and the "Rank by my holdings" switch.
 */
class ArbitrageTransferBrowserIT {
    private static final By ROWS = By.cssSelector("[data-arb-rows] tr[data-route]");
    static StubExchangeServer binance;
    static StubExchangeServer kucoin;
    static TestServer server;
    private final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        binance = new StubExchangeServer();
        kucoin = new StubExchangeServer();
        server = TestServer.start(TransferStubs.liveOn(binance, kucoin));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (binance != null) {
            binance.close();
            kucoin.close();
        }
    }

    @AfterEach
    void quit() {
        browsers.close();
    }

    private static String text(WebDriver d, String script) {
        return String.valueOf(((JavascriptExecutor) d).executeScript(script));
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theTableNamesTheNetworkTheOddsAndMarksTheRouteThatCannotMove(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "transfer");
        // the best route per pair is the one that can move, although the blocked one has the wider spread
        Browsers.waitFor(d).until(dr -> dr.findElements(ROWS).size() == 1
                && dr.findElements(By.cssSelector("[data-testid=arb-more]")).stream().anyMatch(WebElement::isDisplayed));
        assertEquals("BTC/USDT|binance|kucoin", d.findElement(ROWS).getAttribute("data-route"));
        Browsers.waitFor(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            dr.findElement(By.cssSelector("[data-testid=arb-more]")).click();
            return true;
        });
        // KuCoin's answer is read in the background: wait until the table shows its closed withdrawals
        Browsers.waitFor(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            List<WebElement> rows = dr.findElements(ROWS);
            return rows.size() == 2 && !rows.get(1).findElements(By.cssSelector("[data-testid=arb-not-transferable]")).isEmpty();
        });
        Browsers.waitFor(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            List<WebElement> rows = dr.findElements(ROWS);
            WebElement open = rows.get(0);
            WebElement blocked = rows.get(1);
            assertEquals("BTC/USDT|binance|kucoin", open.getAttribute("data-route"));
            assertEquals("BTC · 35 min", open.findElement(By.cssSelector("[data-testid=arb-network]")).getText());
            assertEquals("capture odds —", open.findElement(By.cssSelector("[data-testid=arb-odds]")).getText(), "no past episodes yet");
            assertTrue(open.findElements(By.cssSelector("[data-testid=arb-not-transferable]")).isEmpty());
            assertEquals("BTC/USDT|kucoin|binance", blocked.getAttribute("data-route"), "listed after the route that can move");
            assertTrue(blocked.getAttribute("class").contains("arb-blocked"), blocked.getAttribute("class"));
            WebElement cell = blocked.findElement(By.cssSelector("[data-testid=arb-transfer]"));
            assertTrue(cell.getText().contains("not transferable"), cell.getText());
            assertTrue(cell.getText().contains("withdrawals of BTC closed on kucoin"), cell.getText());
            assertTrue(cell.isDisplayed());
            return true;
        });
        if (viewport.equals("phone")) {
            assertEquals("true", text(d, "return document.documentElement.scrollWidth <= window.innerWidth;"),
                    "nothing scrolls sideways at phone width");
        }
        ((JavascriptExecutor) d).executeScript("document.querySelector('[data-arbitrage]').scrollIntoView()");
        Browser.screenshot(d, "arbitrage-transfer-" + viewport);

        d.findElement(By.cssSelector("[data-testid=arb-rank-mine]")).click();
        Browsers.waitFor(d).until(dr -> dr.findElement(By.cssSelector("[data-testid=arb-holdings]")).isDisplayed());
        assertTrue(d.findElement(By.cssSelector("[data-testid=arb-holdings]")).getText().startsWith("No recent or pending deposits"),
                "a new account has nothing to rank by");
        Browsers.waitFor(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            List<WebElement> rows = dr.findElements(ROWS);
            return rows.size() == 2 && rows.get(1).getAttribute("class").contains("arb-blocked");
        });
        assertFalse(binance.requests().isEmpty());
    }
}
