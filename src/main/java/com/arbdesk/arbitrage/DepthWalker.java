package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Walks order book levels best-first to find what a trade of a given size really executes at: spend a
 * quote amount on the asks, or sell a base amount into the bids, partially consuming the last level.
 */
public final class DepthWalker {
    static final int SCALE = 10;

    private DepthWalker() {
    }

    /** What a walk executed: base and quote amounts, and whether the whole requested size was absorbed. */
    public record Fill(BigDecimal base, BigDecimal quote, boolean complete) {
        /** Volume-weighted average price (quote per base), scale 10; null when nothing was executed. */
        public BigDecimal vwap() {
            return base.signum() == 0 ? null : quote.divide(base, SCALE, RoundingMode.HALF_EVEN);
        }
    }

    /** Spends quoteAmount on asks (best first); the last level is bought partially. */
    public static Fill buyWithQuote(List<Level> asks, BigDecimal quoteAmount) {
        BigDecimal remaining = quoteAmount;
        BigDecimal base = BigDecimal.ZERO;
        for (Level level : asks) {
            if (remaining.signum() <= 0) {
                break;
            }
            if (level.price().signum() <= 0 || level.amount().signum() <= 0) {
                continue;
            }
            BigDecimal levelCost = level.price().multiply(level.amount());
            if (levelCost.compareTo(remaining) <= 0) {
                base = base.add(level.amount());
                remaining = remaining.subtract(levelCost);
            } else {
                base = base.add(remaining.divide(level.price(), SCALE, RoundingMode.HALF_EVEN));
                remaining = BigDecimal.ZERO;
            }
        }
        BigDecimal spent = quoteAmount.subtract(remaining.max(BigDecimal.ZERO));
        return new Fill(base, spent, remaining.signum() <= 0);
    }

    /** Sells baseAmount into bids (best first); the last level is sold partially. */
    public static Fill sellBase(List<Level> bids, BigDecimal baseAmount) {
        BigDecimal remaining = baseAmount;
        BigDecimal quote = BigDecimal.ZERO;
        for (Level level : bids) {
            if (remaining.signum() <= 0) {
                break;
            }
            if (level.price().signum() <= 0 || level.amount().signum() <= 0) {
                continue;
            }
            BigDecimal take = level.amount().min(remaining);
            quote = quote.add(take.multiply(level.price()));
            remaining = remaining.subtract(take);
        }
        return new Fill(baseAmount.subtract(remaining), quote, remaining.signum() <= 0);
    }
}
