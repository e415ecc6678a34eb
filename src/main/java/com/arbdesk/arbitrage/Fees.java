package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trading costs the engine deducts: taker fee rates by exchange (0.001 = 0.1 %, lower-case exchange
 * names) with a default for unknown exchanges, and withdrawal fees by asset in units of that asset.
 * configuredWithdrawalFee holds what the operator set explicitly (ARBITRAGE_WITHDRAWAL_FEES), keyed "ASSET" or
 * "ASSET@NETWORK": those win over a network's fee from the transfer table or the exchange (see
 * {@link #withdrawalFeeFor(String, String, BigDecimal)}).
 */
public record Fees(Map<String, BigDecimal> takerFeeRate, BigDecimal defaultTakerFeeRate,
                   Map<String, BigDecimal> withdrawalFee, Map<String, BigDecimal> configuredWithdrawalFee) {
    public Fees {
        takerFeeRate = Map.copyOf(takerFeeRate);
        Objects.requireNonNull(defaultTakerFeeRate, "defaultTakerFeeRate");
        withdrawalFee = Map.copyOf(withdrawalFee);
        configuredWithdrawalFee = Map.copyOf(configuredWithdrawalFee);
        requireRate(defaultTakerFeeRate);
        takerFeeRate.values().forEach(Fees::requireRate);
        withdrawalFee.values().forEach(Fees::requireFee);
        configuredWithdrawalFee.values().forEach(Fees::requireFee);
    }

    /** Fees with nothing configured explicitly: the per-asset withdrawal fees are defaults a network's fee replaces. */
    public Fees(Map<String, BigDecimal> takerFeeRate, BigDecimal defaultTakerFeeRate, Map<String, BigDecimal> withdrawalFee) {
        this(takerFeeRate, defaultTakerFeeRate, withdrawalFee, Map.of());
    }

    /** Published taker fees of the usual venues and typical withdrawal fees; unknown exchanges pay 0.2 %. */
    public static Fees defaults() {
        return new Fees(Map.of(
                "binance", new BigDecimal("0.001"),
                "kraken", new BigDecimal("0.0026"),
                "kucoin", new BigDecimal("0.001"),
                "okx", new BigDecimal("0.001"),
                "bybit", new BigDecimal("0.001"),
                "bitstamp", new BigDecimal("0.004"),
                "coinbase", new BigDecimal("0.006")),
                new BigDecimal("0.002"),
                Map.of(
                        "BTC", new BigDecimal("0.0002"),
                        "ETH", new BigDecimal("0.0015"),
                        "SOL", new BigDecimal("0.01"),
                        "XRP", new BigDecimal("0.25"),
                        "USDC", new BigDecimal("1"),
                        "USDT", new BigDecimal("1")));
    }

    /** The taker fee rate of an exchange, or the default rate when the exchange is not listed. */
    public BigDecimal takerFeeFor(String exchange) {
        return takerFeeRate.getOrDefault(exchange.toLowerCase(Locale.ROOT), defaultTakerFeeRate);
    }

    /** The withdrawal fee of an asset in its own units; empty when we do not know it. */
    public Optional<BigDecimal> withdrawalFeeFor(String asset) {
        return Optional.ofNullable(withdrawalFee.get(asset.toUpperCase(Locale.ROOT)));
    }

    /**
     * The withdrawal fee to deduct when the coin moves on a given network, in its own units. Precedence: an explicitly
     * configured fee for the asset on that network ("USDC@SOL"), then one for the asset ("BTC"), then the network's
     * own fee (from the transfer table or the exchange; null when not known), then the per-asset default. Empty when
     * none of them is known.
     */
    public Optional<BigDecimal> withdrawalFeeFor(String asset, String network, BigDecimal networkFee) {
        String a = asset.toUpperCase(Locale.ROOT);
        if (network != null) {
            BigDecimal onNetwork = configuredWithdrawalFee.get(a + "@" + network.toUpperCase(Locale.ROOT));
            if (onNetwork != null) {
                return Optional.of(onNetwork);
            }
        }
        BigDecimal forAsset = configuredWithdrawalFee.get(a);
        if (forAsset != null) {
            return Optional.of(forAsset);
        }
        return networkFee != null ? Optional.of(networkFee) : withdrawalFeeFor(a);
    }

    private static void requireFee(BigDecimal fee) {
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("withdrawal fee must not be negative: " + fee);
        }
    }

    private static void requireRate(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("taker fee rate must be in [0, 1): " + rate);
        }
    }
}
