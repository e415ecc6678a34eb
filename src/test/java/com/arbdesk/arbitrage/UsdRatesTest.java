package com.arbdesk.arbitrage;

import static com.arbdesk.arbitrage.DepthWalkerTest.assertNum;
import static com.arbdesk.arbitrage.DepthWalkerTest.level;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsdRatesTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    static OrderBook book(String exchange, String pair, String bid, String ask) {
        return new OrderBook(exchange, pair, List.of(level(bid, "10")), List.of(level(ask, "10")), T);
    }

    @Test
    void usdLikeQuotesCountAsOneDollar() {
        UsdRates rates = UsdRates.from(List.of());
        assertNum("1", rates.usdPerUnit("USDT").orElseThrow());
        assertNum("1", rates.usdPerUnit("USDC").orElseThrow());
        assertNum("1", rates.usdPerUnit("usd").orElseThrow());
    }

    @Test
    void otherAssetsUseTheMedianMidAcrossExchanges() {
        UsdRates rates = UsdRates.from(List.of(
                book("a", "BTC/USDT", "49990", "50010"),   // mid 50000
                book("b", "BTC/USDT", "50090", "50110"),   // mid 50100
                book("c", "BTC/USDC", "49890", "49910"))); // mid 49900
        assertNum("50000", rates.usdPerUnit("BTC").orElseThrow());
    }

    @Test
    void anEvenNumberOfMidsAveragesTheMiddleTwo() {
        UsdRates rates = UsdRates.from(List.of(
                book("a", "BTC/USDT", "49990", "50010"),
                book("b", "BTC/USDT", "50090", "50110")));
        assertNum("50050", rates.usdPerUnit("BTC").orElseThrow());
    }

    @Test
    void noReferenceBookMeansNoRate() {
        UsdRates rates = UsdRates.from(List.of(
                book("a", "ETH/BTC", "0.05", "0.0501"),
                new OrderBook("b", "BTC/USDT", List.of(), List.of(level("50000", "1")), T)));
        assertTrue(rates.usdPerUnit("BTC").isEmpty());
        assertTrue(rates.usdPerUnit("ETH").isEmpty());
    }
}
