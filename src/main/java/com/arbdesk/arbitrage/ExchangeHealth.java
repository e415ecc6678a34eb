package com.arbdesk.arbitrage;

import java.time.Duration;
import java.time.Instant;

/** How one exchange's market data is doing: last success, errors and latency, for the admin panel. */
public record ExchangeHealth(String exchange, boolean healthy, Instant lastSuccess, String lastError, long errors,
                             Duration lastLatency) {
}
