package com.arbdesk.arbitrage;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The chart ranges of GET /api/arbitrage/history and the step each is drawn at (at most about a thousand points). */
public enum HistoryRange {
    HOUR("1h", Duration.ofHours(1), HistoryTier.FULL.bucket()),
    DAY("24h", Duration.ofHours(24), Duration.ofMinutes(2)),
    WEEK("7d", Duration.ofDays(7), Duration.ofMinutes(10)),
    MONTH("30d", Duration.ofDays(30), Duration.ofHours(1));

    private final String wire;
    private final Duration span;
    private final Duration step;

    HistoryRange(String wire, Duration span, Duration step) {
        this.wire = wire;
        this.span = span;
        this.step = step;
    }

    public String wire() {
        return wire;
    }

    public Duration span() {
        return span;
    }

    public Duration step() {
        return step;
    }

    public static Optional<HistoryRange> fromWire(String s) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(s)).findFirst();
    }
}
