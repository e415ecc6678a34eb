package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of a route's spread history: at a poll, or the mean over a bucket starting at {@code at}.
 * netMaxPct is the best net spread seen in it; profitable says whether the net spread was above zero at any
 * sample of it.
 */
public record SpreadPoint(Instant at, BigDecimal grossPct, BigDecimal netPct, BigDecimal netMaxPct, int samples,
                          int profitableSamples) {
    public boolean profitable() {
        return profitableSamples > 0;
    }
}
