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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A route's spread history chart at desktop and phone width: loaded on demand, ranges, and a live point arriving. */
class ArbitrageChartBrowserIT {
    private static final By ROUTE_BUTTONS = By.cssSelector("[data-arb-rows] tr button.arb-route");
    private static final By STATUS = By.cssSelector("[data-testid=arb-chart-status]");
    static TestServer server;
    private final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        // without fees the best routes are often profitable, so the chart has profitable moments to mark
        server = TestServer.start(Map.of("ARBITRAGE_POLL_SECONDS", "1",
                "ARBITRAGE_TAKER_FEES", "binance=0,kraken=0,kucoin=0,okx=0,bitstamp=0",
                "ARBITRAGE_WITHDRAWAL_FEES", "BTC=0,ETH=0,SOL=0,XRP=0,USDC=0,USDT=0"));
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

    private static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    /** Live points appended to the chart of that range so far (-1 while another range is shown or loading). */
    private static int livePoints(WebDriver d, String range) {
        String shown = d.findElement(STATUS).getAttribute("data-range");
        String live = d.findElement(STATUS).getAttribute("data-live-points");
        return range.equals(shown) && live != null ? Integer.parseInt(live) : -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aRowOpensItsChartAndLivePointsArrive(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "chart");
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ROUTE_BUTTONS, 3));
        assertEquals(Boolean.FALSE, js(d, "return !!window.uPlot || !!document.querySelector('script[src*=webjars]');"),
                "the chart library is loaded only when a chart opens");

        // the live table re-renders its rows on every arbitrage_update: find the button afresh until a click lands
        Browsers.waitFor(d).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(dr -> {
            dr.findElements(ROUTE_BUTTONS).get(0).click();
            return true;
        });
        Browsers.waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=arb-chart]")));
        Browsers.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=arb-chart-plot] canvas")));
        assertEquals(Boolean.TRUE, js(d, "return !!window.uPlot && document.querySelector('script[src*=webjars]').src"
                + ".includes('/webjars/uplot/1.6.30/');"), "uPlot from the WAR's WebJar");
        Browsers.waitFor(d).until(dr -> livePoints(dr, "1h") >= 1);
        assertTrue(d.findElement(STATUS).getText().contains("live"), d.findElement(STATUS).getText());
        Number overflow = (Number) js(d, """
                const dlg = document.querySelector('[data-testid=arb-chart]');
                return Math.max(dlg.scrollWidth - dlg.clientWidth, document.documentElement.scrollWidth
                    - document.documentElement.clientWidth);""");
        assertEquals(0, overflow.intValue(), "nothing scrolls sideways");
        Browser.screenshot(d, "arbitrage-chart-" + viewport);

        d.findElement(By.cssSelector("[data-range='24h']")).click();
        Browsers.waitFor(d).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-range='24h']"), "aria-pressed", "true"));
        Browsers.waitFor(d).until(dr -> livePoints(dr, "24h") >= 1);
        Browser.screenshot(d, "arbitrage-chart-24h-" + viewport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theOpportunityLogListsEpisodesWithTheirTypicalDurationAndExportsThemAsCsv(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "episodes");
        By section = By.cssSelector("[data-testid=episodes]");
        Browsers.waitFor(d).until(dr -> {
            String n = dr.findElement(section).getAttribute("data-count");
            return n != null && Integer.parseInt(n) > 0;
        });
        assertTrue(d.findElements(By.cssSelector("[data-testid=episodes-typical] tbody tr td.num")).size() > 0,
                "a typical duration per route");
        String csv = (String) ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('[data-testid=episodes-csv]').href, { credentials: 'same-origin' })
                  .then(r => r.text().then(t => done(r.headers.get('content-type') + '\\n' + t)));""");
        assertTrue(csv.startsWith("text/csv"), csv);
        assertTrue(csv.contains("pair,buy_exchange,sell_exchange,size_usd,started_at"), csv);
        assertTrue(csv.lines().count() >= 3, "the content type, the header and at least one episode: " + csv);
        js(d, "document.querySelector('[data-testid=episodes]').scrollIntoView();");
        Number overflow = (Number) js(d, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow.intValue(), "nothing scrolls sideways");
        Browser.screenshot(d, "opportunity-log-" + viewport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theTriangularTabListsCyclesWithinOneExchange(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "triangles");
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ROUTE_BUTTONS, 3));
        d.findElement(By.cssSelector("[data-testid=arb-tab-triangular]")).click();
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("[data-testid=triangular-table] tbody tr td.mono"), 3));
        assertTrue(d.findElement(By.cssSelector("[data-testid=triangular-table] tbody")).getText().contains("USDT → BTC → ETH → USDT"));
        assertEquals(Boolean.TRUE, js(d, "return document.querySelector('[data-arb-panel=cross]').hidden;"));
        Number overflow = (Number) js(d, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow.intValue(), "nothing scrolls sideways");
        Browser.screenshot(d, "arbitrage-triangular-" + viewport);
    }
}
