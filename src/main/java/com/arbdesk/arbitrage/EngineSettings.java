package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Knobs of the arbitrage engine: how old a quote may be before it is flagged stale, the gross spread
 * above which an opportunity is flagged implausible, and the trade sizes (USD) evaluated at depth.
 */
public record EngineSettings(Duration maxQuoteAge, BigDecimal maxPlausibleSpreadPct, List<BigDecimal> sizesUsd) {
    public EngineSettings {
        Objects.requireNonNull(maxQuoteAge, "maxQuoteAge");
        Objects.requireNonNull(maxPlausibleSpreadPct, "maxPlausibleSpreadPct");
        sizesUsd = List.copyOf(sizesUsd);
        if (maxQuoteAge.isNegative()) {
            throw new IllegalArgumentException("maxQuoteAge must not be negative");
        }
        for (BigDecimal size : sizesUsd) {
            if (size.signum() <= 0) {
                throw new IllegalArgumentException("sizesUsd must be positive: " + size);
            }
        }
    }

    /** 10 s quote age, 5 % plausible spread, $100 / $1,000 / $10,000. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(10), new BigDecimal("5"),
                List.of(new BigDecimal("100"), new BigDecimal("1000"), new BigDecimal("10000")));
    }
}
