package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthWalkerTest {
    private static final List<Level> ASKS = List.of(level("100", "1"), level("101", "2"), level("102", "5"));
    private static final List<Level> BIDS = List.of(level("101", "1"), level("100", "2"), level("99", "5"));

    static Level level(String price, String amount) {
        return new Level(new BigDecimal(price), new BigDecimal(amount));
    }

    static void assertNum(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void buyingAcrossThreeLevelsGivesTheExactVwap() {
        // 100×1 = 100, 101×2 = 202, then 204 left buys 2 at 102: 5 base for 506 → VWAP 101.2
        DepthWalker.Fill fill = DepthWalker.buyWithQuote(ASKS, new BigDecimal("506"));
        assertTrue(fill.complete());
        assertNum("5", fill.base());
        assertNum("506", fill.quote());
        assertNum("101.2", fill.vwap());
    }

    @Test
    void buyingWithinTheFirstLevelPaysTheBestAsk() {
        DepthWalker.Fill fill = DepthWalker.buyWithQuote(ASKS, new BigDecimal("50"));
        assertTrue(fill.complete());
        assertNum("0.5", fill.base());
        assertNum("100", fill.vwap());
    }

    @Test
    void buyingMoreThanTheBookHoldsIsIncomplete() {
        // the whole book: 100 + 202 + 510 = 812 quote for 8 base
        DepthWalker.Fill fill = DepthWalker.buyWithQuote(ASKS, new BigDecimal("1000"));
        assertFalse(fill.complete());
        assertNum("8", fill.base());
        assertNum("812", fill.quote());
        assertNum("101.5", fill.vwap());
    }

    @Test
    void sellingAcrossThreeLevelsGivesTheExactVwap() {
        // 1×101 + 2×100 + 1×99 = 400 for 4 base → VWAP 100
        DepthWalker.Fill fill = DepthWalker.sellBase(BIDS, new BigDecimal("4"));
        assertTrue(fill.complete());
        assertNum("4", fill.base());
        assertNum("400", fill.quote());
        assertNum("100", fill.vwap());
    }

    @Test
    void sellingMoreThanTheBidsAbsorbReportsThePartialAmount() {
        DepthWalker.Fill fill = DepthWalker.sellBase(BIDS, new BigDecimal("10"));
        assertFalse(fill.complete());
        assertNum("8", fill.base());
        assertNum("796", fill.quote());
    }

    @Test
    void anEmptySideExecutesNothing() {
        DepthWalker.Fill fill = DepthWalker.sellBase(List.of(), BigDecimal.ONE);
        assertFalse(fill.complete());
        assertNum("0", fill.base());
        assertNull(fill.vwap());
    }
}
