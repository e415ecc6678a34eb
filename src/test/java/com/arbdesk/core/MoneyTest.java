package com.arbdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void parsesAndConvertsToMinorUnitsExactly() {
        assertEquals(5000, Money.usd("50").toMinor());
        assertEquals(5050, Money.usd("50.5").toMinor());
        assertEquals(1, Money.usd("0.01").toMinor());
        assertEquals(-1050, Money.usd("-10.50").toMinor());
        assertEquals("50.50", Money.usd("50.5").toPlainString());
        assertEquals(Money.usd("0.30"), Money.usd("0.10").plus(Money.usd("0.20")), "no binary float drift");
        assertEquals(Money.usd("123.45"), Money.ofMinor(Asset.USD, 12345));
    }

    @Test
    void refusesMorePlacesThanTheAssetHasAndNonDecimals() {
        assertThrows(IllegalArgumentException.class, () -> Money.usd("1.001"));
        assertThrows(IllegalArgumentException.class, () -> Money.usd("1e3"));
        assertThrows(IllegalArgumentException.class, () -> Money.usd("NaN"));
        assertThrows(IllegalArgumentException.class, () -> Money.usd(""));
        assertThrows(IllegalArgumentException.class, () -> Money.usd(null));
        assertThrows(IllegalArgumentException.class, () -> Money.usd("1,000.00"));
        assertThrows(ArithmeticException.class, () -> new Money(Asset.USD, new BigDecimal("0.005")));
        assertEquals("1.00", Money.usd("1.000").toPlainString(), "trailing zeros beyond the scale are harmless");
    }

    @Test
    void floorNeverRoundsUp() {
        assertEquals(Money.usd("33.33"), Money.floor(Asset.USD, new BigDecimal("100").divide(new BigDecimal("3"), 10, java.math.RoundingMode.DOWN)));
        assertEquals(Money.usd("0.99"), Money.floor(Asset.USD, new BigDecimal("0.999999")));
    }

    @Test
    void displaysForHumans() {
        assertEquals("$1,234.50", Money.usd("1234.5").display());
        assertEquals("-$3.00", Money.usd("-3").display());
        assertEquals("0.00150000 BTC", Money.parse(Asset.BTC, "0.0015").display());
        assertEquals("$0.00", Money.usd("0").display());
        assertEquals("$999.99", Money.usd("999.99").display());
        assertEquals("$1,000.00", Money.usd("1000").display());
        assertEquals("-$12,345,678.09", Money.usd("-12345678.09").display());
        assertEquals("$123,456.00", Money.usd("123456").display());
        assertEquals("1,234.50000000 BTC", Money.parse(Asset.BTC, "1234.5").display());
    }

    @Test
    void refusesToMixAssets() {
        assertThrows(IllegalArgumentException.class, () -> Money.usd("1").plus(Money.parse(Asset.BTC, "1")));
        assertTrue(Money.usd("-0.01").isNegative());
    }
}
