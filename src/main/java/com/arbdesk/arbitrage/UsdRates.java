package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * USD value of a quote currency: USD, USDT and USDC count as 1 USD; any other asset is valued at the
 * median mid price of its /USDT, /USDC or /USD books in the same snapshot. No rate means no conversion:
 * the engine flags it rather than mixing currencies.
 */
public final class UsdRates {
    static final Set<String> USD_LIKE = Set.of("USD", "USDT", "USDC");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final Map<String, BigDecimal> usdPerUnit;

    private UsdRates(Map<String, BigDecimal> usdPerUnit) {
        this.usdPerUnit = Map.copyOf(usdPerUnit);
    }

    /** Builds reference rates from the books of one snapshot; books with an empty side are ignored. */
    public static UsdRates from(List<OrderBook> books) {
        Map<String, List<BigDecimal>> mids = new HashMap<>();
        for (OrderBook book : books) {
            if (!Pairs.isWellFormed(book) || book.bids().isEmpty() || book.asks().isEmpty()) {
                continue;
            }
            String base = book.base().toUpperCase(Locale.ROOT);
            if (USD_LIKE.contains(book.quote().toUpperCase(Locale.ROOT)) && !USD_LIKE.contains(base)) {
                BigDecimal mid = book.bids().get(0).price().add(book.asks().get(0).price())
                        .divide(TWO, DepthWalker.SCALE, RoundingMode.HALF_EVEN);
                mids.computeIfAbsent(base, k -> new ArrayList<>()).add(mid);
            }
        }
        Map<String, BigDecimal> rates = new HashMap<>();
        mids.forEach((asset, values) -> rates.put(asset, median(values)));
        return new UsdRates(rates);
    }

    /** USD per one unit of asset; empty when there is no reference book. */
    public Optional<BigDecimal> usdPerUnit(String asset) {
        String upper = asset.toUpperCase(Locale.ROOT);
        if (USD_LIKE.contains(upper)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(usdPerUnit.get(upper));
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO, DepthWalker.SCALE, RoundingMode.HALF_EVEN);
    }
}
