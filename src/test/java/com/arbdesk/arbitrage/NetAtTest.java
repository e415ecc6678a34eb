package com.arbdesk.arbitrage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The net % a filter compares at one size: a size the books could not fill has none (it used to throw). */
class NetAtTest {
    private static final BigDecimal SMALL = new BigDecimal("1000");
    private static final BigDecimal LARGE = new BigDecimal("100000");

    private static Opportunity withSizes(List<SizeResult> sizes) {
        return new Opportunity("BTC/USDT", "kraken", "binance", new BigDecimal("100"), new BigDecimal("101"),
                new BigDecimal("1.0"), new BigDecimal("0.40"), sizes, new BigDecimal("4.00"), Duration.ZERO, Duration.ZERO, Set.of());
    }

    @Test
    void theNetOfTheSizeAskedFor() {
        Opportunity o = withSizes(List.of(
                new SizeResult(SMALL, BigDecimal.TEN, new BigDecimal("100"), new BigDecimal("101"), new BigDecimal("0.40"), new BigDecimal("4.00"), true)));
        assertEquals(new BigDecimal("0.40"), ArbitrageService.netAt(o, SMALL));
        assertEquals(new BigDecimal("0.40"), ArbitrageService.netAt(o, null), "no size: the opportunity's own net");
    }

    @Test
    void aSizeTheBooksCouldNotFillHasNoNet() {
        Opportunity o = withSizes(List.of(
                new SizeResult(SMALL, BigDecimal.TEN, new BigDecimal("100"), new BigDecimal("101"), new BigDecimal("0.40"), new BigDecimal("4.00"), true),
                SizeResult.notFillable(LARGE, BigDecimal.ONE, null, null)));
        assertNull(ArbitrageService.netAt(o, LARGE));
        assertNull(ArbitrageService.netAt(o, new BigDecimal("5000")), "a size not evaluated at all");
    }
}
