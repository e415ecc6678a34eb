package com.arbdesk.arbitrage;

import com.arbdesk.config.AppConfig;
import java.time.Clock;
import java.time.Duration;

/** Picks the market data source the configuration names: live books through XChange, or the seeded simulation. */
public final class MarketDataSources {
    /** The simulation's seed: the same books on every start, so a demo and its screenshots are repeatable. */
    static final long SIMULATION_SEED = 20261122L;

    private MarketDataSources() {
    }

    /** The transfer book of the same mode: the exchanges' public answers when live, the default table offline. */
    public static TransferBook transferBook(AppConfig.Arbitrage a) {
        return a.source().equals("live") ? TransferBook.live(a.liveBaseUrls(), Duration.ofSeconds(5)) : TransferBook.defaults();
    }

    public static MarketDataSource of(AppConfig.Arbitrage a, Clock clock) {
        // live books come through XChange, created lazily on the first poll (never on the start-up path)
        return a.source().equals("live")
                ? new XChangeMarketDataSource(a.liveBaseUrls(), Duration.ofSeconds(5), clock)
                : new SimulatedMarketDataSource(SIMULATION_SEED, clock);
    }
}
