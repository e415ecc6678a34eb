package com.arbdesk.arbitrage;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the spread history keeps each resolution: every poll for {@code full}, one-minute buckets up to
 * {@code minutes} old, hourly buckets up to {@code hours} old; older rows are deleted.
 */
public record HistoryRetention(Duration full, Duration minutes, Duration hours) {
    public HistoryRetention {
        Objects.requireNonNull(full, "full");
        Objects.requireNonNull(minutes, "minutes");
        Objects.requireNonNull(hours, "hours");
        if (full.isNegative() || full.compareTo(minutes) > 0 || minutes.compareTo(hours) > 0) {
            throw new IllegalArgumentException("retention must grow with coarser tiers: " + full + " <= " + minutes + " <= " + hours);
        }
    }

    /** 1 hour at full resolution, 7 days of minutes, 90 days of hours. */
    public static HistoryRetention defaults() {
        return new HistoryRetention(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(90));
    }
}
