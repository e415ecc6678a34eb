package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A route's spread history over a range, one series per trade size, each oldest point first. */
public record SpreadSeries(String pair, String buyExchange, String sellExchange, HistoryRange range, Instant from,
                           Instant to, Duration step, List<SizeSeries> sizes) {
    public SpreadSeries {
        sizes = List.copyOf(sizes);
    }

    /** The points of one size. */
    public record SizeSeries(BigDecimal sizeUsd, List<SpreadPoint> points) {
        public SizeSeries {
            points = List.copyOf(points);
        }
    }
}
