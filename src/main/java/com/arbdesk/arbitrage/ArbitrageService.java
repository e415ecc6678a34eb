package com.arbdesk.arbitrage;

import com.arbdesk.core.Background;
import com.arbdesk.core.events.EventBus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the market data source, recomputes the opportunities (and the triangular cycles within each exchange) and keeps the latest snapshot for the
 * API; announces each new snapshot (at most every {@link #PUSH_EVERY}) so dashboards refresh live.
 */
public final class ArbitrageService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ArbitrageService.class.getName());
    static final Duration PUSH_EVERY = Duration.ofSeconds(2);

    /** What to watch and how often. */
    public record Settings(List<String> exchanges, List<String> pairs, Duration poll, EngineSettings engine, Fees fees) {
    }

    /** The latest computation. */
    public record Snapshot(String source, Instant updatedAt, List<Opportunity> opportunities, Map<String, ExchangeHealth> health,
                           List<TriangularEngine.Cycle> triangles) {
    }

    /** Told about every round's opportunities on the poller thread, after the snapshot is kept (the history stores them). */
    @FunctionalInterface
    public interface RoundListener {
        void onRound(Instant at, List<Opportunity> opportunities);
    }

    /** Filters of GET /api/arbitrage/opportunities; nulls mean "any". */
    public record Filter(BigDecimal minNetPct, String pair, String exchange, BigDecimal sizeUsd) {
    }

    private final MarketDataSource source;
    private final Settings settings;
    private final EventBus events;
    private final Clock clock;
    /** Triangular cycles start and end in this coin (the stablecoin every default pair is quoted in). */
    public static final String TRIANGLE_START = "USDT";
    private final ArbitrageEngine engine = new ArbitrageEngine();
    private final TriangularEngine triangular = new TriangularEngine();
    private final PersistenceTracker tracker = new PersistenceTracker();
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final List<RoundListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant lastPush = Instant.EPOCH;
    private volatile Transfers transfers;
    private final ScheduledExecutorService exec = Background.singleThread("arbitrage-poller");

    public ArbitrageService(MarketDataSource source, Settings settings, EventBus events, Clock clock) {
        this.source = source;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Annotates every round's opportunities with their transfer and capture odds (set before {@link #start()}). */
    public void useTransfers(Transfers t) {
        this.transfers = t;
    }

    /** The transfer annotations in use; null when none were set. */
    public Transfers transfers() {
        return transfers;
    }

    public void afterEachRound(RoundListener listener) {
        listeners.add(listener);
    }

    public void start() {
        exec.scheduleWithFixedDelay(this::refreshQuietly, 1_000, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a background loop: a bad round is logged and the next one tries again
            LOG.log(Level.WARNING, "arbitrage refresh failed", e);
        }
    }

    /** One round: fetch, compute, keep, announce. */
    public Snapshot refresh() {
        Instant now = clock.instant();
        List<OrderBook> books = source.fetch(settings.exchanges(), settings.pairs());
        Transfers t = transfers;
        List<Opportunity> ops = engine.compute(books, settings.fees(),
                t == null ? ArbitrageEngine.TransferPlans.NONE : t.book()::plan, settings.engine(), now, tracker);
        if (t != null) {
            ops = t.annotate(ops);
        }
        List<TriangularEngine.Cycle> triangles = triangular.computeAll(books, settings.fees(), TRIANGLE_START,
                settings.engine().sizesUsd(), now, settings.engine().maxQuoteAge());
        Snapshot s = new Snapshot(source.name(), now, ops, source.health(), triangles);
        latest.set(s);
        if (Duration.between(lastPush, now).compareTo(PUSH_EVERY) >= 0) {
            lastPush = now;
            events.publish(new ArbitrageUpdated(now, ops.size(), source.name()));
        }
        for (RoundListener l : listeners) {
            try {
                l.onRound(now, ops);
            } catch (RuntimeException e) {
                // the snapshot is kept and announced; a failing listener (the history's write) must not undo that
                LOG.log(Level.WARNING, "arbitrage round listener failed", e);
            }
        }
        return s;
    }

    public Snapshot snapshot() {
        Snapshot s = latest.get();
        return s != null ? s : refresh();
    }

    public List<Opportunity> query(Filter f) {
        return query(snapshot(), f);
    }

    /** The opportunities of this snapshot that pass the filter, in its order. */
    public static List<Opportunity> query(Snapshot s, Filter f) {
        return s.opportunities().stream()
                .filter(o -> f.pair() == null || o.pair().equalsIgnoreCase(f.pair()))
                .filter(o -> f.exchange() == null || o.buyExchange().equalsIgnoreCase(f.exchange())
                        || o.sellExchange().equalsIgnoreCase(f.exchange()))
                .filter(o -> f.minNetPct() == null || netAt(o, f.sizeUsd()) != null && netAt(o, f.sizeUsd()).compareTo(f.minNetPct()) >= 0)
                .toList();
    }

    /** The net % at a size bucket (the smallest when none is given). */
    public static BigDecimal netAt(Opportunity o, BigDecimal sizeUsd) {
        if (sizeUsd == null) {
            return o.netPct();
        }
        // findFirst after the filter: a size the books could not fill has a null net %, which findFirst refuses to return
        return o.sizes().stream().filter(s -> s.sizeUsd().compareTo(sizeUsd) == 0).findFirst().map(SizeResult::netPct).orElse(null);
    }

    public Settings settings() {
        return settings;
    }

    /** Each exchange's market data health now (last success, errors), read from the source, not the last snapshot. */
    public Map<String, ExchangeHealth> exchangeHealth() {
        return source.health();
    }

    @Override
    public void close() {
        exec.shutdownNow();
        source.close();
    }
}
