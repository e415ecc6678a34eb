package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One directional arbitrage candidate: buy the pair at the best ask of buyExchange, sell at the best bid
 * of sellExchange. netPct is the net spread at the smallest size (null when not computable); flags are
 * "stale", "implausible", "no_usd_rate", "unknown_withdrawal_fee" and "not_transferable"; transfer says how the coin
 * would move from the buy to the sell exchange (null until the transfer book has annotated it).
 */
public record Opportunity(String pair, String buyExchange, String sellExchange, BigDecimal ask, BigDecimal bid,
                          BigDecimal grossPct, BigDecimal netPct, List<SizeResult> sizes, BigDecimal estProfitUsd,
                          Duration quoteAge, Duration persisted, Set<String> flags,
                          Transfer transfer) {
    public static final String STALE = "stale";
    public static final String IMPLAUSIBLE = "implausible";
    public static final String NO_USD_RATE = "no_usd_rate";
    public static final String UNKNOWN_WITHDRAWAL_FEE = "unknown_withdrawal_fee";
    public static final String NOT_TRANSFERABLE = "not_transferable";

    public Opportunity {
        sizes = List.copyOf(sizes);
        flags = Set.copyOf(flags);
    }

    /** An opportunity not (yet) annotated with its transfer. */
    public Opportunity(String pair, String buyExchange, String sellExchange, BigDecimal ask, BigDecimal bid,
                       BigDecimal grossPct, BigDecimal netPct, List<SizeResult> sizes, BigDecimal estProfitUsd,
                       Duration quoteAge, Duration persisted, Set<String> flags) {
        this(pair, buyExchange, sellExchange, ask, bid, grossPct, netPct, sizes, estProfitUsd, quoteAge, persisted, flags, null);
    }

    /** The coin that travels: the pair's base, bought on one exchange and sold on the other. */
    public String base() {
        return pair.substring(0, pair.indexOf('/'));
    }

    /** The pair's quote currency (what is paid on the buy side). */
    public String quote() {
        return pair.substring(pair.indexOf('/') + 1);
    }

    /** pair|buy|sell: identifies the opportunity across runs. */
    public String key() {
        return key(pair, buyExchange, sellExchange);
    }

    static String key(String pair, String buyExchange, String sellExchange) {
        return pair + "|" + buyExchange + "|" + sellExchange;
    }

    /** True while the net spread at the smallest size is above zero: what persistence tracks. */
    public boolean isProfitable() {
        return netPct != null && netPct.signum() > 0;
    }

    /** Neither stale nor implausible: what the history and the opportunity log take in. */
    public boolean trusted() {
        return !flags.contains(STALE) && !flags.contains(IMPLAUSIBLE);
    }

    Opportunity withPersisted(Duration value) {
        return new Opportunity(pair, buyExchange, sellExchange, ask, bid, grossPct, netPct, sizes, estProfitUsd,
                quoteAge, value, flags, transfer);
    }

    /** With its transfer; a transfer that cannot happen adds the not_transferable flag. */
    Opportunity withTransfer(Transfer t) {
        return withTransfer(t, sizes);
    }

    /** With its transfer and its sizes annotated for it (their capture odds). */
    Opportunity withTransfer(Transfer t, List<SizeResult> annotated) {
        Set<String> f = new java.util.HashSet<>(flags);
        if (t.status() == Transfer.Status.NOT_TRANSFERABLE) {
            f.add(NOT_TRANSFERABLE);
        }
        return new Opportunity(pair, buyExchange, sellExchange, ask, bid, grossPct, netPct, annotated, estProfitUsd,
                quoteAge, persisted, f, t);
    }
}
