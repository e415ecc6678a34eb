package com.arbdesk.arbitrage;

import java.time.Instant;

/** Published (throttled) after the opportunities were recomputed; the web layer announces the delta of the list since the last one. */
public record ArbitrageUpdated(Instant updatedAt, int count, String source) {
}
