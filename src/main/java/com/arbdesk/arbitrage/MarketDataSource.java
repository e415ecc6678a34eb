package com.arbdesk.arbitrage;

import java.util.List;
import java.util.Map;

/**
 * Where order books come from: the simulated source (default, offline) or live exchanges. A failing
 * exchange is skipped and reported in {@link #health()}; fetching never throws for one exchange's sake.
 */
public interface MarketDataSource extends AutoCloseable {
    /** "simulated" or "live", shown in the UI. */
    String name();

    /** The current books for every exchange × pair this source can answer. */
    List<OrderBook> fetch(List<String> exchanges, List<String> pairs);

    /** Per exchange. */
    Map<String, ExchangeHealth> health();

    /** Releases threads or connections; nothing to do for most sources. */
    @Override
    default void close() {
    }
}
