package com.arbdesk.arbitrage;

import java.time.Instant;

/** Published (throttled) after the opportunities were recomputed; clients re-read them with their filters. */
public record ArbitrageUpdated(Instant updatedAt, int count, String source) {
}
