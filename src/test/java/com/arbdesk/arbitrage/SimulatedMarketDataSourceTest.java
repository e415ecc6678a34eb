package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedMarketDataSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final List<String> EXCHANGES = List.of("binance", "kraken", "kucoin");
    private static final List<String> PAIRS = List.of("BTC/USDT", "ETH/BTC", "USDC/USDT");

    @Test
    void theSameSeedGivesTheSameBooks() {
        SimulatedMarketDataSource a = new SimulatedMarketDataSource(42, CLOCK);
        SimulatedMarketDataSource b = new SimulatedMarketDataSource(42, CLOCK);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.fetch(EXCHANGES, PAIRS), b.fetch(EXCHANGES, PAIRS));
        }
    }

    @Test
    void booksArePlausible() {
        SimulatedMarketDataSource s = new SimulatedMarketDataSource(7, CLOCK);
        for (int round = 0; round < 50; round++) {
            List<OrderBook> books = s.fetch(EXCHANGES, PAIRS);
            assertEquals(EXCHANGES.size() * PAIRS.size(), books.size());
            for (OrderBook b : books) {
                assertTrue(b.bids().get(0).price().compareTo(b.asks().get(0).price()) < 0, "best bid below best ask");
                for (int i = 1; i < b.bids().size(); i++) {
                    assertTrue(b.bids().get(i).price().compareTo(b.bids().get(i - 1).price()) <= 0, "bids best first");
                    assertTrue(b.asks().get(i).price().compareTo(b.asks().get(i - 1).price()) >= 0, "asks best first");
                    assertTrue(b.bids().get(i).amount().signum() > 0);
                }
            }
        }
        assertTrue(s.health().values().stream().allMatch(ExchangeHealth::healthy));
        assertEquals("simulated", s.name());
    }

    @Test
    void pricesStayNearTheirMarkets() {
        SimulatedMarketDataSource s = new SimulatedMarketDataSource(3, CLOCK);
        OrderBook usdc = null;
        for (int i = 0; i < 100; i++) {
            usdc = s.fetch(List.of("binance"), List.of("USDC/USDT")).get(0);
        }
        assertTrue(usdc.bids().get(0).price().subtract(java.math.BigDecimal.ONE).abs().compareTo(new java.math.BigDecimal("0.02")) < 0,
                "a stablecoin pair stays near 1: " + usdc.bids().get(0).price());
    }
}
