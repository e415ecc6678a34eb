package com.arbdesk.arbitrage;

import java.time.Duration;

/** The resolutions the spread history is kept at; {@link #code()} is the value of arbitrage_history.tier. */
public enum HistoryTier {
    /** Every poll, as computed. */
    FULL(0, Duration.ofMillis(1)),
    /** One-minute buckets. */
    MINUTE(1, Duration.ofMinutes(1)),
    /** Hourly buckets. */
    HOUR(2, Duration.ofHours(1));

    private final int code;
    private final Duration bucket;

    HistoryTier(int code, Duration bucket) {
        this.code = code;
        this.bucket = bucket;
    }

    public int code() {
        return code;
    }

    public Duration bucket() {
        return bucket;
    }

    /** The start of the bucket of this tier that holds the instant, in epoch milliseconds. */
    public long floor(long epochMs) {
        long size = bucket.toMillis();
        return Math.floorDiv(epochMs, size) * size;
    }
}
