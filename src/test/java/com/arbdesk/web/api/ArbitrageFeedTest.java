package com.arbdesk.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.ArbitrageUpdated;
import com.arbdesk.arbitrage.EngineSettings;
import com.arbdesk.arbitrage.ExchangeHealth;
import com.arbdesk.arbitrage.Fees;
import com.arbdesk.arbitrage.MarketDataSource;
import com.arbdesk.arbitrage.OrderBook;
import com.arbdesk.arbitrage.SimulatedMarketDataSource;
import com.arbdesk.core.events.EventBus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's versions and the text of its announcements, on a market that stands still and on one that moves. */
class ArbitrageFeedTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> EXCHANGES = List.of("binance", "kraken", "okx");
    private static final List<String> PAIRS = List.of("BTC/USDT", "ETH/USDT");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The simulated books of its first poll, answered again on every poll (moving: a new poll each time). */
    private static MarketDataSource source(boolean moving) {
        SimulatedMarketDataSource sim = new SimulatedMarketDataSource(7, CLOCK);
        List<OrderBook> first = sim.fetch(EXCHANGES, PAIRS);
        return new MarketDataSource() {
            @Override
            public String name() {
                return "simulated";
            }

            @Override
            public List<OrderBook> fetch(List<String> exchanges, List<String> pairs) {
                return moving ? sim.fetch(exchanges, pairs) : first;
            }

            @Override
            public Map<String, ExchangeHealth> health() {
                return Map.of();
            }
        };
    }

    private static ArbitrageService service(boolean moving) {
        return new ArbitrageService(source(moving), new ArbitrageService.Settings(EXCHANGES, PAIRS, Duration.ofSeconds(3),
                EngineSettings.defaults(), Fees.defaults()), new EventBus(), CLOCK);
    }

    private static JsonNode announce(ArbitrageService s, ArbitrageFeed feed) throws Exception {
        s.refresh();
        return JSON.readTree(feed.next(new ArbitrageUpdated(CLOCK.instant(), 0, "simulated")));
    }

    @Test
    void aMarketThatStandsStillAnnouncesAnEmptyDeltaOnTheNextVersion() throws Exception {
        ArbitrageService s = service(false);
        ArbitrageFeed feed = new ArbitrageFeed(s, 1000);
        assertEquals(1000, feed.current().version());
        int rows = feed.current().rows().size();
        assertTrue(rows > 0);
        String text = feed.next(new ArbitrageUpdated(CLOCK.instant(), rows, "simulated"));
        JsonNode d = announce(s, feed);
        assertEquals(1002, d.path("version").asLong());
        assertEquals(1001, d.path("base").asLong());
        assertEquals(0, d.path("upsert").size(), d.toString());
        assertEquals(0, d.path("remove").size());
        assertFalse(d.has("order"), "no order when it did not change");
        assertEquals(rows, d.path("count").asInt());
        assertEquals(1002, feed.current().version(), "the list's answer is the version last announced");
        System.out.printf("[bytes] an empty delta: %d B of data (%d rows held)%n", text.getBytes(StandardCharsets.UTF_8).length, rows);
    }

    @Test
    void aMovingMarketSendsTheChangedRowsInTheApisShapeWithDecimalsAsStrings() throws Exception {
        ArbitrageService s = service(true);
        ArbitrageFeed feed = new ArbitrageFeed(s, 1);
        feed.current();
        JsonNode d = announce(s, feed);
        assertEquals(1, d.path("base").asLong());
        assertTrue(d.path("upsert").size() > 0, d.toString());
        JsonNode row = d.path("upsert").get(0);
        assertTrue(row.path("ask").isTextual() && row.path("net_pct").isTextual(), row.toString());
        assertTrue(row.path("sizes").get(0).path("profit_usd").isTextual(), row.toString());
        assertTrue(row.has("buy_exchange") && row.has("age_ms") && row.has("deposit_leg"), "the API's snake_case row: " + row);
        assertEquals(2, announce(s, feed).path("base").asLong(), "each announcement follows the one before");
    }
}
