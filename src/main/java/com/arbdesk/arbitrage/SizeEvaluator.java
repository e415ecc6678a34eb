package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Trades one USD size through a buy book and a sell book: buy at depth, pay the buy taker fee on top,
 * withdraw the base (minus its fee) to the sell exchange, sell at depth and pay the sell taker fee.
 */
final class SizeEvaluator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SizeEvaluator() {
    }

    /**
     * @param withdrawalFee base units lost moving the asset from the buy to the sell exchange
     * @param minWithdrawal the network's smallest withdrawal in base units (null: not known, not checked); a purchase
     *                      below it cannot leave the buy exchange, so the size is not fillable ({@link
     *                      SizeResult#BELOW_MIN_WITHDRAWAL})
     * @param usdPerQuote   USD value of one unit of the pair's quote currency
     */
    static SizeResult evaluate(OrderBook buy, OrderBook sell, BigDecimal buyFeeRate, BigDecimal sellFeeRate,
                               BigDecimal withdrawalFee, BigDecimal minWithdrawal, BigDecimal sizeUsd,
                               BigDecimal usdPerQuote) {
        BigDecimal quoteBudget = sizeUsd.divide(usdPerQuote, DepthWalker.SCALE, RoundingMode.HALF_EVEN);
        DepthWalker.Fill bought = DepthWalker.buyWithQuote(buy.asks(), quoteBudget);
        if (!bought.complete()) {
            return SizeResult.notFillable(sizeUsd, bought.base(), bought.vwap(), null);
        }
        if (minWithdrawal != null && bought.base().compareTo(minWithdrawal) < 0) {
            // the withdrawal is asked for the whole purchase (the fee comes out of it): less than the minimum cannot move
            return new SizeResult(sizeUsd, bought.base(), bought.vwap(), null, null, null, false,
                    SizeResult.BELOW_MIN_WITHDRAWAL);
        }
        BigDecimal arriving = bought.base().subtract(withdrawalFee);
        if (arriving.signum() <= 0) {
            // The withdrawal fee eats the whole purchase: nothing reaches the sell exchange.
            return SizeResult.notFillable(sizeUsd, BigDecimal.ZERO, bought.vwap(), null);
        }
        DepthWalker.Fill sold = DepthWalker.sellBase(sell.bids(), arriving);
        if (!sold.complete()) {
            return SizeResult.notFillable(sizeUsd, sold.base(), bought.vwap(), sold.vwap());
        }
        // Fees as the spec models them: the buy fee is paid on top of the quote spent, the sell fee
        // comes out of the proceeds. sold.quote() is sold × VWAPbid without the VWAP rounding.
        BigDecimal cost = quoteBudget.multiply(BigDecimal.ONE.add(buyFeeRate));
        BigDecimal proceeds = sold.quote().multiply(BigDecimal.ONE.subtract(sellFeeRate));
        BigDecimal pnl = proceeds.subtract(cost);
        BigDecimal netPct = pnl.divide(cost, DepthWalker.SCALE, RoundingMode.HALF_EVEN)
                .multiply(HUNDRED).setScale(4, RoundingMode.HALF_EVEN);
        BigDecimal profitUsd = pnl.multiply(usdPerQuote).setScale(2, RoundingMode.DOWN);
        return new SizeResult(sizeUsd, arriving, bought.vwap(), sold.vwap(), netPct, profitUsd, true);
    }
}
