package com.arbdesk.arbitrage;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long a transfer on each network typically takes: the confirmations exchanges usually wait for before
 * crediting a deposit, times the network's block time, plus a fixed allowance for the two exchanges' own
 * processing (the withdrawal queue and the deposit crediting). Network codes are the coin catalogue's
 * (ledger.CoinCatalogue; NetworkTimesTest checks every catalogue network has a figure). Typical figures,
 * checked 2026-12-01 against the exchanges' deposit pages; a congested chain or a manual review takes longer.
 */
public final class NetworkTimes {
    /** The exchanges' own processing: a withdrawal queued, signed and broadcast, then the deposit credited. */
    public static final Duration PROCESSING = Duration.ofMinutes(5);

    /** Confirmations awaited and the time between blocks. */
    public record Confirmation(int confirmations, Duration blockTime) {
        public Duration onChain() {
            return blockTime.multipliedBy(confirmations);
        }
    }

    private static final Map<String, Confirmation> BY_NETWORK = Map.of(
            "BTC", new Confirmation(3, Duration.ofSeconds(600)),
            "ERC20", new Confirmation(64, Duration.ofSeconds(12)),
            "TRC20", new Confirmation(19, Duration.ofSeconds(3)),
            "BSC", new Confirmation(15, Duration.ofSeconds(3)),
            "POLYGON", new Confirmation(128, Duration.ofSeconds(2)),
            "SOL", new Confirmation(32, Duration.ofMillis(400)),
            "XRP", new Confirmation(1, Duration.ofSeconds(4)),
            "TON", new Confirmation(1, Duration.ofSeconds(5)));

    private NetworkTimes() {
    }

    public static Optional<Confirmation> of(String network) {
        return Optional.ofNullable(network == null ? null : BY_NETWORK.get(network.toUpperCase(Locale.ROOT)));
    }

    /** Confirmations × block time + {@link #PROCESSING}; empty for a network without figures. */
    public static Optional<Duration> transferTime(String network) {
        return of(network).map(c -> c.onChain().plus(PROCESSING));
    }

    static java.util.Set<String> networks() {
        return BY_NETWORK.keySet();
    }
}
