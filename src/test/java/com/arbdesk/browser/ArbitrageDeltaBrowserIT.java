package com.arbdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.Browser;
import com.arbdesk.testing.Browsers;
import com.arbdesk.testing.TestServer;
import java.util.List;
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
 * The dashboard's arbitrage table at desktop and phone width lives on the deltas of arbitrage_update: the table
 * changes with each, and the full list is read once, at load (the filters apply in the page, without a request).
 */
class ArbitrageDeltaBrowserIT {
    private static final By ROWS = By.cssSelector("[data-testid=arbitrage-table] tbody tr[data-route]");
    private static final By SECTION = By.cssSelector("[data-arbitrage]");
    static TestServer server;
    private final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        server = TestServer.start(Map.of("ARBITRAGE_POLL_SECONDS", "1"));
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

    private static long version(WebDriver d) {
        String v = d.findElement(SECTION).getAttribute("data-version");
        return v == null || v.isEmpty() || v.equals("null") ? -1 : Long.parseLong(v);
    }

    /** The requests for the full list the page made so far (the browser's own record of its resource loads). */
    private static long listRequests(WebDriver d) {
        return ((Number) js(d, "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/arbitrage/opportunities')).length;")).longValue();
    }

    private static String tableText(WebDriver d) {
        return d.findElements(ROWS).stream().map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void theTableFollowsTheDeltasWithoutReadingTheListAgain(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "delta");
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ROWS, 3));
        Browsers.waitFor(d).until(dr -> version(dr) > 0);
        long first = version(d);
        String before = tableText(d);
        assertEquals(1, listRequests(d), "the list is read once at load");

        Browsers.waitFor(d).until(dr -> version(dr) >= first + 2);
        String after = tableText(d);
        assertNotEquals(before, after, "two deltas later the table shows other numbers");
        assertTrue(d.findElements(ROWS).size() > 3, "the rows are still there");
        assertEquals("live", d.findElement(By.cssSelector("[data-live-indicator]")).getAttribute("data-state"));
        js(d, "document.querySelector('[data-arbitrage]').scrollIntoView();");
        Browser.screenshot(d, "arbitrage-deltas-" + viewport);

        // a filter is applied to the rows held: every row shown is of the pair chosen, and nothing is read again
        new Select(d.findElement(By.cssSelector("[data-testid=arb-pair]"))).selectByValue("ETH/USDT");
        Browsers.waitFor(d).until(dr -> dr.findElements(ROWS).stream().allMatch(r -> r.getAttribute("data-route").startsWith("ETH/USDT|")));
        long shown = version(d);
        Browsers.waitFor(d).until(dr -> version(dr) >= shown + 1);
        List<WebElement> rows = d.findElements(ROWS);
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(r -> r.getAttribute("data-route").startsWith("ETH/USDT|")),
                "the filter still holds after a delta");
        assertEquals(1, listRequests(d), "no request for the full list after the first, " + (version(d) - first) + " versions later");
    }

    /**
     * Deltas dispatched by the test in one script (no real one can come in between): a changed row is the only row
     * rebuilt, the others keep their elements; a delta whose base is not the version held makes the page read the list.
     */
    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aDeltaRebuildsOnlyItsRowAndAGapReadsTheListAgain(String viewport) {
        WebDriver d = browsers.open(Browsers.size(viewport));
        Browsers.signUp(d, server, "delta-gap");
        Browsers.waitFor(d).until(ExpectedConditions.numberOfElementsToBeMoreThan(ROWS, 3));
        Browsers.waitFor(d).until(dr -> version(dr) > 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) js(d, """
                const section = document.querySelector('[data-arbitrage]');
                const held = Number(section.getAttribute('data-version'));
                const trs = [...document.querySelectorAll('[data-arb-rows] tr[data-route]')];
                trs.forEach(tr => { tr.__before = true; });
                const route = trs[1].getAttribute('data-route');
                const row = JSON.parse(JSON.stringify(window.ArbDeskArbitrage.row(route)));
                row.ask = '12345.678';
                document.dispatchEvent(new CustomEvent('arbdesk:arbitrage_update', { detail: {
                  updated_at: new Date().toISOString(), version: held + 0.5, base: held, upsert: [row], remove: [] } }));
                const after = [...document.querySelectorAll('[data-arb-rows] tr[data-route]')];
                const changed = after.filter(tr => !tr.__before).map(tr => tr.getAttribute('data-route'));
                return { route: route, changed: changed, rows: after.length, before: trs.length,
                  ask: after.filter(tr => tr.getAttribute('data-route') === route)[0].children[3].textContent,
                  version: section.getAttribute('data-version'), held: String(held) };""");
        assertEquals(List.of(r.get("route")), r.get("changed"), "only the changed row is rebuilt: " + r);
        assertEquals(r.get("before"), r.get("rows"));
        assertEquals("12345.7", r.get("ask"), "the new ask at 6 significant digits");
        assertEquals(1, listRequests(d), "a delta that follows the version held is applied, not read again");

        js(d, """
                document.dispatchEvent(new CustomEvent('arbdesk:arbitrage_update', { detail: {
                  updated_at: new Date().toISOString(), version: 9e15, base: 1, upsert: [], remove: [] } }));""");
        Browsers.waitFor(d).until(dr -> listRequests(dr) == 2);
        Browsers.waitFor(d).until(dr -> !dr.findElement(By.cssSelector("[data-arb-rows]")).getText().contains("12345.7"));
        Browser.screenshot(d, "arbitrage-deltas-gap-" + viewport);
    }
}
