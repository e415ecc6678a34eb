package com.arbdesk.arbitrage;

import com.arbdesk.core.Background;
import com.arbdesk.core.db.Tx;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scanner's spread history: every poll's net spread per route (pair, exchanges, size) is stored, then
 * downsampled with age by a background compactor (full resolution, minute buckets, hourly buckets, deleted),
 * and read back as chart series.
 */
public final class SpreadHistory implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpreadHistory.class.getName());
    private static final BigDecimal PPM_PER_PCT = BigDecimal.valueOf(10_000);

    /** Rows folded or deleted by one compaction. */
    public record Compaction(int foldedIntoMinutes, int foldedIntoHours, int deleted, int deletedEpisodes) {
    }

    private final Tx tx;
    private final SpreadHistoryDao dao;
    private final HistoryRetention retention;
    private final Clock clock;
    private final EpisodeLog episodes;
    private final Map<Route, Long> routeIds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService exec = Background.singleThread("arbitrage-history");

    public SpreadHistory(Tx tx, SpreadHistoryDao dao, HistoryRetention retention, EpisodeLog episodes, Clock clock) {
        this.tx = tx;
        this.episodes = episodes;
        this.dao = dao;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Compacts every {@code every}, in the background, when {@code ourTurn} says this instance runs the shared work:
     * two instances folding the same rows at once would count them twice.
     */
    public void start(Duration every, java.util.function.BooleanSupplier ourTurn) {
        exec.scheduleWithFixedDelay(() -> {
            if (ourTurn.getAsBoolean()) {
                compactQuietly();
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (RuntimeException e) {
            // a background loop: a failed round is logged and the next one tries again
            LOG.log(Level.WARNING, "spread history compaction failed", e);
        }
    }

    /**
     * Stores one poll: for each trusted opportunity (not stale, not implausible) the net spread at every size
     * that could be filled, and the opportunity log's episodes that this poll ended. One write transaction for
     * the whole poll, however many routes: the writer is shared with the money paths.
     */
    public void record(Instant at, List<Opportunity> opportunities) {
        Map<Route, Opportunity> byRoute = new LinkedHashMap<>();
        Map<Route, SizeResult> sizes = new HashMap<>();
        for (Opportunity o : opportunities) {
            if (!o.trusted()) {
                continue;
            }
            for (SizeResult s : o.sizes()) {
                if (s.netPct() != null) {
                    Route r = new Route(o.pair(), o.buyExchange(), o.sellExchange(), s.sizeUsd());
                    byRoute.put(r, o);
                    sizes.put(r, s);
                }
            }
        }
        List<Episode> ended = episodes.detector().round(at, opportunities);
        List<Episode> ongoing = episodes.detector().ongoing();
        if (byRoute.isEmpty() && ended.isEmpty()) {
            return;
        }
        long ms = at.toEpochMilli();
        Map<Route, Long> created = tx.inTransaction(c -> {
            Map<Route, Long> fresh = new HashMap<>();
            List<SpreadHistoryDao.Row> rows = new ArrayList<>(byRoute.size());
            for (Map.Entry<Route, Opportunity> e : byRoute.entrySet()) {
                Long id = routeIds.get(e.getKey());
                if (id == null) {
                    id = dao.ensureRoute(c, e.getKey());
                    fresh.put(e.getKey(), id);
                }
                long net = ppm(sizes.get(e.getKey()).netPct());
                rows.add(new SpreadHistoryDao.Row(id, HistoryTier.FULL, ms, 1, ppm(e.getValue().grossPct()), net, net,
                        net > 0 ? 1 : 0));
            }
            dao.add(c, rows);
            Map<Route, Long> ids = new HashMap<>(routeIds);
            ids.putAll(fresh);
            if (!ended.isEmpty()) {
                for (Episode e : ended) {
                    if (!ids.containsKey(e.route())) {
                        long id = dao.ensureRoute(c, e.route());
                        ids.put(e.route(), id);
                        fresh.put(e.route(), id);
                    }
                }
                episodes.dao().add(c, ended, ids);
                episodes.dao().deleteOpen(c, ended, ids);
            }
            // every ongoing episode is profitable this poll, so its route has a row (and an id) above
            episodes.dao().saveOpen(c, ongoing, ids, at);
            return fresh;
        });
        // cached only once committed: a rolled-back route id must never be reused
        routeIds.putAll(created);
    }

    /**
     * One compaction as of now: full-resolution rows past their retention fold into minute buckets, minute
     * buckets past theirs into hourly ones, and hourly buckets (and logged episodes) past theirs are deleted. Cut-offs fall on
     * bucket boundaries, so a bucket is never folded half. Each step is its own short write transaction.
     */
    public Compaction compact() {
        long now = clock.instant().toEpochMilli();
        long fullBefore = HistoryTier.MINUTE.floor(now - retention.full().toMillis());
        long minutesBefore = HistoryTier.HOUR.floor(now - retention.minutes().toMillis());
        long hoursBefore = now - retention.hours().toMillis();
        int minutes = tx.inTransaction(c -> dao.rollUp(c, HistoryTier.FULL, HistoryTier.MINUTE, fullBefore));
        int hours = tx.inTransaction(c -> dao.rollUp(c, HistoryTier.MINUTE, HistoryTier.HOUR, minutesBefore));
        int[] deleted = tx.inTransaction(c -> new int[] {dao.deleteBefore(c, HistoryTier.HOUR, hoursBefore),
                episodes.dao().deleteEndedBefore(c, hoursBefore)});
        return new Compaction(minutes, hours, deleted[0], deleted[1]);
    }

    /** The series of pair bought on buyExchange and sold on sellExchange over the range, every size. */
    public SpreadSeries series(String pair, String buyExchange, String sellExchange, HistoryRange range) {
        Instant to = clock.instant();
        Instant from = to.minus(range.span());
        long step = range.step().toMillis();
        List<SpreadHistoryDao.Bucket> buckets = tx.read(c -> dao.series(c, pair, buyExchange, sellExchange,
                from.toEpochMilli(), step));
        Map<BigDecimal, List<SpreadPoint>> bySize = new TreeMap<>();
        for (SpreadHistoryDao.Bucket b : buckets) {
            bySize.computeIfAbsent(b.sizeUsd(), k -> new ArrayList<>()).add(point(b));
        }
        List<SpreadSeries.SizeSeries> sizes = bySize.entrySet().stream()
                .map(e -> new SpreadSeries.SizeSeries(e.getKey(), e.getValue())).toList();
        return new SpreadSeries(pair, buyExchange, sellExchange, range, from, to, range.step(), sizes);
    }

    private static SpreadPoint point(SpreadHistoryDao.Bucket b) {
        BigDecimal samples = BigDecimal.valueOf(b.samples());
        return new SpreadPoint(Instant.ofEpochMilli(b.bucketMs()), mean(b.grossPpmSum(), samples), mean(b.netPpmSum(), samples),
                pct(b.netPpmMax()), Math.toIntExact(b.samples()), Math.toIntExact(b.profitableSamples()));
    }

    /** ppm (0.0001 %) from a percentage; the engine computes at that scale, so nothing is lost. */
    static long ppm(BigDecimal pct) {
        return pct.movePointRight(4).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    static BigDecimal pct(long ppm) {
        return BigDecimal.valueOf(ppm, 4);
    }

    private static BigDecimal mean(long ppmSum, BigDecimal samples) {
        return BigDecimal.valueOf(ppmSum).divide(samples.multiply(PPM_PER_PCT), 4, RoundingMode.HALF_EVEN);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
