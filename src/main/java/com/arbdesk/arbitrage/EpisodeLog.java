package com.arbdesk.arbitrage;

import com.arbdesk.core.db.Tx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opportunity log: episodes of profitability per route, detected on every round ({@link EpisodeDetector}),
 * stored while they last and when they end (in the history's poll transaction) and listed with the typical duration per route.
 */
public final class EpisodeLog {
    /** Filters of the log; nulls mean "any". exchange matches either side. */
    public record Filter(String pair, String exchange, BigDecimal sizeUsd, Duration minDuration) {
    }

    /** How long a route's episodes usually last: their count and median duration in the window. */
    public record Typical(Route route, int episodes, Duration medianDuration, BigDecimal bestPeakNetPct) {
    }

    /** The log over a window: episodes newest first (ongoing ones included), and the typical duration per route. */
    public record View(Instant from, Instant to, List<Episode> episodes, List<Typical> typical) {
    }

    private final Tx tx;
    private final EpisodeDao dao;
    private final EpisodeDetector detector = new EpisodeDetector();
    private final Clock clock;

    public EpisodeLog(Tx tx, EpisodeDao dao, Clock clock) {
        this.tx = tx;
        this.dao = dao;
        this.clock = clock;
    }

    EpisodeDetector detector() {
        return detector;
    }

    EpisodeDao dao() {
        return dao;
    }

    /** Restores the episodes still going on when the application last stopped (call once, before the first poll). */
    public void restoreOpen() {
        detector.restore(tx.read(dao::open));
    }

    /** The episodes that ended at or after an instant (the capture odds' input). */
    public List<Episode> endedSince(Instant from) {
        return tx.read(c -> dao.endedSince(c, from.toEpochMilli()));
    }

    public View recent(Duration window, Filter f) {
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<Episode> all = new ArrayList<>(detector.ongoing());
        all.addAll(tx.read(c -> dao.endedSince(c, from.toEpochMilli())));
        List<Episode> shown = all.stream()
                .filter(e -> f.pair() == null || e.route().pair().equalsIgnoreCase(f.pair()))
                .filter(e -> f.exchange() == null || e.route().buyExchange().equalsIgnoreCase(f.exchange())
                        || e.route().sellExchange().equalsIgnoreCase(f.exchange()))
                .filter(e -> f.sizeUsd() == null || e.route().sizeUsd().compareTo(f.sizeUsd()) == 0)
                .filter(e -> f.minDuration() == null || e.duration(to).compareTo(f.minDuration()) >= 0)
                .sorted(Comparator.comparing(Episode::start).reversed())
                .toList();
        return new View(from, to, shown, typical(shown, to));
    }

    /** Per route, the median duration of its episodes (the lower middle one of an even count), most episodes first. */
    static List<Typical> typical(List<Episode> episodes, Instant now) {
        Map<Route, List<Episode>> byRoute = new LinkedHashMap<>();
        episodes.forEach(e -> byRoute.computeIfAbsent(e.route(), r -> new ArrayList<>()).add(e));
        List<Typical> out = new ArrayList<>();
        byRoute.forEach((route, list) -> {
            List<Duration> durations = list.stream().map(e -> e.duration(now)).sorted().toList();
            BigDecimal peak = list.stream().map(Episode::peakNetPct).max(Comparator.naturalOrder()).orElseThrow();
            out.add(new Typical(route, list.size(), durations.get((durations.size() - 1) / 2), peak));
        });
        out.sort(Comparator.comparing(Typical::episodes).reversed().thenComparing(t -> t.route().pair()));
        return out;
    }
}
