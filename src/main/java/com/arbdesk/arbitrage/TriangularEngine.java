package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Triangular arbitrage within one exchange: start with an amount of one asset, convert it through two others
 * and back (three books), walking each book's depth and paying the taker fee on what every leg receives.
 * Pure BigDecimal; amounts at {@link DepthWalker#SCALE}, the net spread in % at scale 4, both HALF_EVEN.
 */
public final class TriangularEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One conversion: which book, bought or sold into, what went in and what came out after the fee. */
    public record Leg(String pair, boolean buy, String from, String to, BigDecimal in, BigDecimal out, boolean complete) {
    }

    /** A cycle start → a → b → start; netPct and end are null when a book could not absorb its leg. */
    public record Cycle(String exchange, List<String> path, BigDecimal start, BigDecimal end, BigDecimal netPct, List<Leg> legs) {
        public boolean fillable() {
            return netPct != null;
        }
    }

    /**
     * Every exchange's cycles from startAsset for each start amount, best net first, using only books no older than
     * maxAge (a stale book would price a cycle that is no longer there).
     */
    public List<Cycle> computeAll(List<OrderBook> books, Fees fees, String startAsset, List<BigDecimal> amounts, Instant now,
                                  Duration maxAge) {
        List<OrderBook> fresh = books.stream()
                .filter(b -> Duration.between(b.receivedAt(), now).compareTo(maxAge) <= 0).toList();
        List<Cycle> out = new ArrayList<>();
        for (String exchange : new TreeSet<>(fresh.stream().map(OrderBook::exchange).toList())) {
            for (BigDecimal amount : amounts) {
                out.addAll(compute(exchange, fresh, fees.takerFeeFor(exchange), startAsset, amount));
            }
        }
        out.sort(Comparator.comparing(Cycle::netPct, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(Cycle::exchange).thenComparing(c -> String.join(">", c.path())).thenComparing(Cycle::start));
        return out;
    }

    /** Every cycle from startAsset through two other assets with books on the exchange, best net first. */
    public List<Cycle> compute(String exchange, List<OrderBook> books, BigDecimal takerFee, String startAsset, BigDecimal startAmount) {
        Map<String, OrderBook> byPair = new TreeMap<>();
        TreeSet<String> assets = new TreeSet<>();
        for (OrderBook b : books) {
            if (b.exchange().equals(exchange) && Pairs.isWellFormed(b)) {
                String pair = Pairs.canonical(b);
                byPair.put(pair, b);
                assets.add(pair.substring(0, pair.indexOf('/')));
                assets.add(pair.substring(pair.indexOf('/') + 1));
            }
        }
        List<Cycle> out = new ArrayList<>();
        for (String a : assets) {
            for (String b : assets) {
                if (!a.equals(b) && !a.equals(startAsset) && !b.equals(startAsset)) {
                    evaluate(exchange, byPair, takerFee, List.of(startAsset, a, b, startAsset), startAmount).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(Cycle::netPct, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(c -> String.join(">", c.path())));
        return out;
    }

    /** The cycle along path (first and last asset the same), if every step has a book in one direction or the other. */
    static Optional<Cycle> evaluate(String exchange, Map<String, OrderBook> byPair, BigDecimal takerFee, List<String> path,
                                    BigDecimal startAmount) {
        List<Leg> legs = new ArrayList<>();
        BigDecimal amount = startAmount;
        boolean complete = true;
        for (int i = 0; i + 1 < path.size(); i++) {
            Optional<Leg> leg = convert(byPair, path.get(i), path.get(i + 1), amount, takerFee);
            if (leg.isEmpty()) {
                return Optional.empty();
            }
            legs.add(leg.get());
            complete &= leg.get().complete();
            amount = leg.get().out();
        }
        if (!complete) {
            return Optional.of(new Cycle(exchange, path, startAmount, null, null, legs));
        }
        BigDecimal netPct = amount.subtract(startAmount).divide(startAmount, DepthWalker.SCALE, RoundingMode.HALF_EVEN)
                .multiply(HUNDRED).setScale(4, RoundingMode.HALF_EVEN);
        return Optional.of(new Cycle(exchange, path, startAmount, amount, netPct, legs));
    }

    // from → to: buy "to" with "from" on the to/from book's asks, or sell "from" into the from/to book's bids;
    // the fee is taken from what the leg receives
    private static Optional<Leg> convert(Map<String, OrderBook> byPair, String from, String to, BigDecimal amount, BigDecimal fee) {
        BigDecimal keep = BigDecimal.ONE.subtract(fee);
        OrderBook buyBook = byPair.get(to + "/" + from);
        if (buyBook != null) {
            DepthWalker.Fill f = DepthWalker.buyWithQuote(buyBook.asks(), amount);
            return Optional.of(new Leg(to + "/" + from, true, from, to, amount, received(f.base(), keep), f.complete()));
        }
        OrderBook sellBook = byPair.get(from + "/" + to);
        if (sellBook != null) {
            DepthWalker.Fill f = DepthWalker.sellBase(sellBook.bids(), amount);
            return Optional.of(new Leg(from + "/" + to, false, from, to, amount, received(f.quote(), keep), f.complete()));
        }
        return Optional.empty();
    }

    private static BigDecimal received(BigDecimal gross, BigDecimal keep) {
        return gross.multiply(keep).setScale(DepthWalker.SCALE, RoundingMode.HALF_EVEN);
    }
}
