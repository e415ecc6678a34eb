package com.arbdesk.arbitrage;

import java.math.BigDecimal;

/** One price level of an order book: a price in the pair's quote currency and an amount of the base asset. */
public record Level(BigDecimal price, BigDecimal amount) {
}
