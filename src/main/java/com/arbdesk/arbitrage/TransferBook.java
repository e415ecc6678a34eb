package com.arbdesk.arbitrage;

import com.arbdesk.core.Background;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each exchange's deposit and withdrawal status per asset and network: the default table, with the rows of an
 * exchange and asset replaced by that exchange's own public answer once one arrives. Refreshed in the background
 * (never on the poller's path); a failed answer keeps what was known before.
 */
public final class TransferBook implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TransferBook.class.getName());
    /** Exchanges change a network's status rarely and announce it; ten minutes is plenty and stays far from rate limits. */
    public static final Duration REFRESH_EVERY = Duration.ofMinutes(10);

    private final TransferStatusReader reader;
    private final Map<String, List<TransferStatus>> rows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService exec = Background.singleThread("arbitrage-transfers");

    public TransferBook(Collection<TransferStatus> defaults, TransferStatusReader reader) {
        this.reader = reader;
        Map<String, List<TransferStatus>> grouped = new HashMap<>();
        defaults.forEach(s -> grouped.computeIfAbsent(key(s.exchange(), s.asset()), k -> new ArrayList<>()).add(s));
        grouped.forEach((k, v) -> rows.put(k, List.copyOf(v)));
    }

    /** The book of the offline mode: the default table only. */
    public static TransferBook defaults() {
        return new TransferBook(TransferDefaults.load(), TransferStatusReader.NONE);
    }

    /** The live mode's: the default table, refreshed from the exchanges' public endpoints through XChange. */
    static TransferBook live(Map<String, String> baseUriOverrides, Duration timeout) {
        return new TransferBook(TransferDefaults.load(),
                new XChangeTransferReader(new XChangeExchanges(baseUriOverrides, timeout, XChangeMarketDataSource.DEPTH)));
    }

    /** Asks every exchange about every asset now, then every {@link #REFRESH_EVERY}, in the background. */
    public void start(List<String> exchanges, Collection<String> assets) {
        exec.scheduleWithFixedDelay(() -> refresh(exchanges, assets), 0, REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over the exchanges and assets; returns how many answers replaced rows. */
    public int refresh(List<String> exchanges, Collection<String> assets) {
        int replaced = 0;
        for (String exchange : exchanges) {
            for (String asset : assets) {
                try {
                    Optional<List<TransferStatus>> answer = reader.read(exchange, asset);
                    if (answer.isPresent() && !answer.get().isEmpty()) {
                        rows.put(key(exchange, asset), List.copyOf(answer.get()));
                        replaced++;
                    }
                } catch (IOException | RuntimeException e) {
                    // a background loop: the exchange's silence keeps the last known rows (or the default table)
                    LOG.log(Level.INFO, "transfer status of " + asset + " on " + exchange + " not read: " + e);
                }
            }
        }
        return replaced;
    }

    /** The rows of one exchange and asset (empty when nothing is known). */
    public List<TransferStatus> rows(String exchange, String asset) {
        return rows.getOrDefault(key(exchange, asset), List.of());
    }

    /** The transfer of asset from one exchange (withdrawing) to another (depositing). */
    public Transfer plan(String asset, String fromExchange, String toExchange) {
        return TransferPlanner.plan(asset.toUpperCase(Locale.ROOT), fromExchange, toExchange, rows(fromExchange, asset),
                rows(toExchange, asset));
    }

    private static String key(String exchange, String asset) {
        return exchange.toLowerCase(Locale.ROOT) + "|" + asset.toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
