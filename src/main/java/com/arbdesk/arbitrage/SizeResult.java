package com.arbdesk.arbitrage;

import java.math.BigDecimal;

/**
 * The outcome of trading one USD size through both books. baseAmount is the base sold on the sell
 * exchange (after the withdrawal fee); when not fillable it is the partial amount the books could take,
 * and netPct/profitUsd are null because a partial fill has no comparable cost. reason says why a size is not
 * fillable when it is not the books' depth: {@link #BELOW_MIN_WITHDRAWAL} (the base bought is less than the
 * network's smallest withdrawal, so it cannot be moved; baseAmount is then the base bought); null otherwise.
 * captureOdds are the route's capture odds at this size (its past episodes at this size against the transfer time);
 * null until the transfer layer has annotated the size, or when the transfer time is not known.
 */
public record SizeResult(BigDecimal sizeUsd, BigDecimal baseAmount, BigDecimal buyVwap, BigDecimal sellVwap,
                         BigDecimal netPct, BigDecimal profitUsd, boolean fillable, String reason,
                         CaptureOdds.Odds captureOdds) {
    public static final String BELOW_MIN_WITHDRAWAL = "below_min_withdrawal";

    /** A size not (yet) annotated with capture odds. */
    public SizeResult(BigDecimal sizeUsd, BigDecimal baseAmount, BigDecimal buyVwap, BigDecimal sellVwap,
                      BigDecimal netPct, BigDecimal profitUsd, boolean fillable, String reason) {
        this(sizeUsd, baseAmount, buyVwap, sellVwap, netPct, profitUsd, fillable, reason, null);
    }

    /** A size without a reason (fillable, or limited by the books' depth). */
    public SizeResult(BigDecimal sizeUsd, BigDecimal baseAmount, BigDecimal buyVwap, BigDecimal sellVwap,
                      BigDecimal netPct, BigDecimal profitUsd, boolean fillable) {
        this(sizeUsd, baseAmount, buyVwap, sellVwap, netPct, profitUsd, fillable, null, null);
    }

    SizeResult withCaptureOdds(CaptureOdds.Odds odds) {
        return new SizeResult(sizeUsd, baseAmount, buyVwap, sellVwap, netPct, profitUsd, fillable, reason, odds);
    }

    /** A size the books (or the withdrawal fee) do not allow; VWAPs may be null when that side was not walked. */
    static SizeResult notFillable(BigDecimal sizeUsd, BigDecimal executableBase, BigDecimal buyVwap,
                                  BigDecimal sellVwap) {
        return new SizeResult(sizeUsd, executableBase, buyVwap, sellVwap, null, null, false);
    }
}
