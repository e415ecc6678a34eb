package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What one exchange allows for one asset on one network: whether deposits and withdrawals are open, the
 * withdrawal fee and the smallest withdrawal (in units of the asset; null when not known), and where the
 * figures came from.
 */
public record TransferStatus(String exchange, String asset, String network, boolean depositOpen, boolean withdrawalOpen,
                             BigDecimal withdrawalFee, BigDecimal minWithdrawal, Origin origin) {
    /** Where a status came from: the exchange's public API or the bundled default table. */
    public enum Origin {
        EXCHANGE, DEFAULT_TABLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TransferStatus {
        exchange = exchange.toLowerCase(Locale.ROOT);
        asset = asset.toUpperCase(Locale.ROOT);
        network = network.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(origin, "origin");
    }
}
