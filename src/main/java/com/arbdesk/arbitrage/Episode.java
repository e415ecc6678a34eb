package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of time a route was profitable (net spread above zero at its size): from the first poll that saw
 * it to the first poll that no longer did ({@code end} is null while it lasts), with the best net spread seen.
 */
public record Episode(Route route, Instant start, Instant end, BigDecimal peakNetPct) {
    public boolean ongoing() {
        return end == null;
    }

    /** How long it lasted, or has lasted so far as of now. */
    public Duration duration(Instant now) {
        Duration d = Duration.between(start, end == null ? now : end);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
