package com.arbdesk.arbitrage;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the latest {@link ExchangeHealth} of each exchange as fetches succeed and fail. */
final class HealthTracker {
    private final Map<String, ExchangeHealth> byExchange = new ConcurrentHashMap<>();
    private final Clock clock;

    HealthTracker(Clock clock) {
        this.clock = clock;
    }

    void success(String exchange, Duration latency) {
        byExchange.compute(exchange, (name, old) -> new ExchangeHealth(name, true, clock.instant(), null,
                old == null ? 0 : old.errors(), latency));
    }

    void failure(String exchange, String error, Duration latency) {
        byExchange.compute(exchange, (name, old) -> new ExchangeHealth(name, false,
                old == null ? null : old.lastSuccess(), error, old == null ? 1 : old.errors() + 1, latency));
    }

    /** A sorted snapshot. */
    Map<String, ExchangeHealth> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(byExchange));
    }
}
