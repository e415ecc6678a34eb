package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.arbdesk.testing.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The opportunities API on the simulated source, its filters, the admin health, and the live push. */
class ArbitrageIT {
    static TestServer server;
    static TestClient user;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("APP_MODE", "demo", "ARBITRAGE_POLL_SECONDS", "1"));
        user = server.client().withBearer(server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void opportunitiesCompareTheSamePairAcrossExchangesWithFeesApplied() {
        JsonNode r = user.get("/api/arbitrage/opportunities").json();
        assertEquals("simulated", r.path("source").asText());
        assertEquals(6, r.path("pairs").size());
        assertEquals(3, r.path("sizes_usd").size());
        JsonNode ops = r.path("opportunities");
        assertTrue(ops.size() > 0);
        for (JsonNode o : ops) {
            assertNotEquals(o.path("buy_exchange").asText(), o.path("sell_exchange").asText());
            assertTrue(o.path("ask").isTextual() && o.path("gross_pct").isTextual(), "decimals travel as strings");
            if (!o.path("net_pct").isNull()) {
                assertTrue(new BigDecimal(o.path("net_pct").asText()).compareTo(new BigDecimal(o.path("gross_pct").asText())) < 0,
                        "fees always cost something: " + o);
            }
        }
    }

    @Test
    void filtersNarrowTheList() {
        JsonNode btc = user.get("/api/arbitrage/opportunities?pair=BTC/USDT").json().path("opportunities");
        assertTrue(btc.size() > 0);
        btc.forEach(o -> assertEquals("BTC/USDT", o.path("pair").asText()));
        JsonNode kraken = user.get("/api/arbitrage/opportunities?exchange=kraken").json().path("opportunities");
        kraken.forEach(o -> assertTrue(o.path("buy_exchange").asText().equals("kraken") || o.path("sell_exchange").asText().equals("kraken")));
        JsonNode high = user.get("/api/arbitrage/opportunities?min_net=1000").json().path("opportunities");
        assertEquals(0, high.size());
        assertEquals("min_net", user.get("/api/arbitrage/opportunities?min_net=abc").json().at("/error/field").asText());
        assertEquals(401, server.client().get("/api/arbitrage/opportunities").status());
    }

    @Test
    void adminsSeeMarketDataHealthAndUsersDoNot() {
        TestClient admin = server.client().withBearer(server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD));
        JsonNode h = admin.get("/api/admin/market-data").json();
        assertEquals("simulated", h.path("source").asText());
        assertEquals(5, h.path("exchanges").size());
        assertEquals(403, user.get("/api/admin/market-data").status());
        assertTrue(admin.get("/admin").body().contains("data-testid=\"market-health\""));
    }

    @Test
    void theLiveSourceReadsRealExchangeApisHereLoopbackStubs() throws Exception {
        try (StubExchangeServer binance = new StubExchangeServer(); StubExchangeServer kraken = new StubExchangeServer()) {
            binance.answer(200, "{\"lastUpdateId\":1,\"bids\":[[\"64000.10\",\"0.5\"]],\"asks\":[[\"64001.20\",\"0.3\"]]}");
            kraken.answer(200, "{\"error\":[],\"result\":{\"XBTUSDT\":{\"asks\":[[\"64010.0\",\"0.4\",1700000000]],"
                    + "\"bids\":[[\"64105.1\",\"0.25\",1700000000]]}}}");
            try (TestServer live = TestServer.start(Map.of("APP_MODE", "demo", "ARBITRAGE_SOURCE", "live",
                    "ARBITRAGE_EXCHANGES", "binance,kraken", "ARBITRAGE_PAIRS", "BTC/USDT", "ARBITRAGE_POLL_SECONDS", "1",
                    "ARBITRAGE_LIVE_BASE_URLS", "binance=" + binance.baseUri() + ",kraken=" + kraken.baseUri()))) {
                TestClient u = live.client().withBearer(live.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
                JsonNode r = u.get("/api/arbitrage/opportunities").json();
                assertEquals("live", r.path("source").asText());
                JsonNode rows = r.path("opportunities");
                JsonNode toKraken = null;
                for (JsonNode o : rows) {
                    if (o.path("buy_exchange").asText().equals("binance")) {
                        toKraken = o;
                    }
                }
                assertNotNull(toKraken, rows.toString());
                assertEquals("kraken", toKraken.path("sell_exchange").asText());
                assertEquals("64001.20", toKraken.path("ask").asText(), "exact prices from the exchange's answer");
                assertEquals("64105.1", toKraken.path("bid").asText());
                // at $100 the withdrawal fee rules: kraken's 0.0001 BTC (table) beats binance's 0.0002, so the route
                // leaving kraken has the better net despite its negative gross spread
                JsonNode best = rows.get(0);
                assertEquals("kraken", best.path("buy_exchange").asText(), rows.toString());
                assertEquals("0.0001", best.at("/transfer/withdrawal_fee").asText());
                assertEquals("0.0002", toKraken.at("/transfer/withdrawal_fee").asText());
                assertTrue(new BigDecimal(best.path("net_pct").asText()).compareTo(new BigDecimal(toKraken.path("net_pct").asText())) > 0);
            }
        }
    }

    @Test
    void aSocketThatAsksForTheSummaryHearsAboutNewOpportunitiesAndOneThatAskedForNothingDoesNot() throws Exception {
        String token = server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD);
        String url = "ws://localhost:" + server.port() + "/ws";
        try (WsClient asked = WsClient.connect(url, Map.of("Cookie", "arbdesk_session=" + token), true);
             WsClient silent = WsClient.connect(url, Map.of("Cookie", "arbdesk_session=" + token), true)) {
            asked.send("{\"type\":\"subscribe\",\"topic\":\"market_summary\"}");
            ObjectMapper json = new ObjectMapper();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean acked = false;
            int summaries = 0;
            while (summaries < 2 && System.nanoTime() < deadline) {
                JsonNode m = json.readTree(asked.next(Duration.ofSeconds(10)));
                acked |= m.path("event").asText().equals("market_summary_subscribed");
                if (m.path("event").asText().equals("arbitrage_update")) {
                    assertTrue(acked, "the ack comes first");
                    assertTrue(m.path("data").has("count") && !m.path("data").has("upsert"), "the summary only: " + m);
                    summaries++;
                }
            }
            assertEquals(2, summaries, "two announcements arrived on the subscribed socket");
            // both sockets were open for the same two announcements: the other one heard neither
            List<String> other = new java.util.ArrayList<>();
            String m;
            while ((m = silent.poll()) != null) {
                other.add(m);
            }
            assertTrue(other.stream().noneMatch(x -> x.contains("\"arbitrage_update\"")), "nothing asked, nothing sent: " + other);
            assertTrue(other.stream().anyMatch(x -> x.contains("\"hello\"")), "the silent socket is open: " + other);
        }
    }

    @Test
    void theHistoryApiServesEveryPollOfARoutePerSizeWithDecimalsAsStrings() throws InterruptedException {
        JsonNode best = user.get("/api/arbitrage/opportunities?pair=BTC/USDT").json().path("opportunities").get(0);
        String route = "BTC/USDT|" + best.path("buy_exchange").asText() + "|" + best.path("sell_exchange").asText();
        String url = "/api/arbitrage/history?range=1h&route=" + java.net.URLEncoder.encode(route, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode h = null;
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            h = user.get(url).json();
            if (h.path("sizes").size() > 0 && h.path("sizes").get(0).path("points").size() >= 2) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(route, h.path("route").asText());
        assertEquals("1h", h.path("range").asText());
        JsonNode points = h.path("sizes").get(0).path("points");
        assertTrue(points.size() >= 2, "a poll a second is kept at full resolution: " + h);
        JsonNode p = points.get(0);
        assertTrue(p.path("t").isNumber() && p.path("gross_pct").isTextual() && p.path("net_pct").isTextual(), p.toString());
        assertTrue(points.get(1).path("t").asLong() > p.path("t").asLong(), "oldest first");
        assertEquals(200, user.get(url.replace("range=1h", "range=30d")).status());
        assertEquals("range", user.get(url.replace("range=1h", "range=2y")).json().path("error").path("field").asText());
        assertEquals(400, user.get("/api/arbitrage/history?route=BTC/USDT").status());
        assertEquals(400, user.get("/api/arbitrage/history?route=DOGE/USDT%7Cbinance%7Ckraken").status());
        assertEquals(401, server.client().get(url).status());
    }

    @Test
    void theChartLibraryIsServedFromTheWarNotACdn() {
        TestClient.Res js = server.client().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertEquals(200, js.status());
        assertTrue(js.body().contains("uPlot"));
        assertEquals(200, server.client().get("/webjars/uplot/1.6.30/dist/uPlot.min.css").status());
    }

    @Test
    void theOpportunityLogIsJsonAndOneClickCsvForUsersOnly() {
        JsonNode log = user.get("/api/arbitrage/episodes?pair=BTC/USDT&min_duration=0").json();
        assertEquals(6, log.path("pairs").size());
        assertTrue(log.path("episodes").isArray() && log.path("typical").isArray(), log.toString());
        log.path("episodes").forEach(e -> assertEquals("BTC/USDT", e.path("pair").asText()));
        TestClient.Res csv = user.get("/api/arbitrage/episodes/csv?size=1000");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.header("Content-Disposition").orElse("").startsWith("attachment"), csv.headers().toString());
        assertTrue(csv.body().startsWith("pair,buy_exchange,sell_exchange,size_usd,started_at,ended_at,duration_seconds,"
                + "peak_net_pct,ongoing\r\n"), csv.body());
        assertEquals("min_duration", user.get("/api/arbitrage/episodes?min_duration=soon").json().path("error").path("field").asText());
        assertEquals(401, server.client().get("/api/arbitrage/episodes/csv").status());
    }

    @Test
    void triangularCyclesRunWithinEachExchangeThroughThreeBooks() {
        JsonNode r = user.get("/api/arbitrage/triangular?exchange=kraken").json();
        assertEquals("USDT", r.path("start_asset").asText());
        JsonNode cycles = r.path("cycles");
        assertTrue(cycles.size() >= 6, "USDT>BTC>ETH>USDT and back, at three sizes: " + r);
        for (JsonNode c : cycles) {
            assertEquals("kraken", c.path("exchange").asText());
            assertEquals(4, c.path("path").size());
            assertEquals(3, c.path("legs").size());
            if (c.path("fillable").asBoolean()) {
                assertTrue(c.path("net_pct").isTextual() && c.path("end").isTextual() && c.path("start").isTextual(),
                        "decimals travel as strings: " + c);
            }
        }
    }
}
