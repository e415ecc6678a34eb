package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture odds of a route: of its episodes that ended in the last {@link #WINDOW}, the share that lasted
 * longer than the transfer would take, that is, the spreads a trader who started moving the coin at the opening
 * would still have found open on arrival. The ended episodes are re-read at most every {@link #REREAD}.
 */
public final class CaptureOdds {
    public static final Duration WINDOW = Duration.ofDays(7);
    static final Duration REREAD = Duration.ofMinutes(1);

    /** Reads the episodes that ended at or after an instant (EpisodeDao in the application, a list in tests). */
    @FunctionalInterface
    public interface EndedEpisodes {
        List<Episode> since(Instant from);
    }

    /** The figure and how many episodes it rests on. */
    public record Odds(BigDecimal pct, int episodes) {
    }

    private final EndedEpisodes source;
    private final Clock clock;
    private Map<Route, List<Duration>> byRoute = Map.of();
    private Instant readAt = Instant.MIN;

    public CaptureOdds(EndedEpisodes source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The odds of a route (pair, exchanges and size) against a transfer time. */
    public synchronized Odds of(Route route, Duration transfer) {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(REREAD) >= 0) {
            Map<Route, List<Duration>> fresh = new HashMap<>();
            for (Episode e : source.since(now.minus(WINDOW))) {
                fresh.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e.duration(now));
            }
            byRoute = fresh;
            readAt = now;
        }
        List<Duration> past = byRoute.getOrDefault(route, List.of());
        return new Odds(pct(past, transfer), past.size());
    }

    /** The percentage (one decimal) of durations strictly longer than the transfer; null for no episodes. */
    static BigDecimal pct(List<Duration> past, Duration transfer) {
        if (past.isEmpty() || transfer == null) {
            return null;
        }
        long longer = past.stream().filter(d -> d.compareTo(transfer) > 0).count();
        return BigDecimal.valueOf(longer * 100).divide(BigDecimal.valueOf(past.size()), 1, RoundingMode.HALF_EVEN);
    }
}
