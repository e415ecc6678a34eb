package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds cross-exchange arbitrage opportunities in one snapshot of order books: for every pair and every
 * ordered (buy, sell) exchange couple it prices the gross spread, the net spread after fees at depth for
 * each configured size, and flags what should not be trusted. Stateless apart from the tracker passed in.
 */
public final class ArbitrageEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<Opportunity> BEST_FIRST = Comparator
            .comparing(Opportunity::netPct, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(Opportunity::grossPct, Comparator.reverseOrder())
            .thenComparing(Opportunity::key);

    /**
     * How the coin of a route would move (the network assumed, with its withdrawal fee): the transfer book in the
     * application, a fixed answer in tests. A null answer, or one without a fee, leaves the per-asset fee.
     */
    @FunctionalInterface
    public interface TransferPlans {
        TransferPlans NONE = (asset, from, to) -> null;

        Transfer plan(String asset, String fromExchange, String toExchange);
    }

    /** All opportunities of the snapshot with the per-asset withdrawal fees only (no transfer layer). */
    public List<Opportunity> compute(List<OrderBook> books, Fees fees, EngineSettings s, Instant now,
                                     PersistenceTracker tracker) {
        return compute(books, fees, TransferPlans.NONE, s, now, tracker);
    }

    /**
     * All opportunities of the snapshot, best net % (smallest size) first, not computable ones last. Each route's
     * net spread deducts the withdrawal fee of the network its transfer plan names ({@link Fees#withdrawalFeeFor(String,
     * String, BigDecimal)}), and the opportunity carries that plan (capture odds still to come).
     */
    public List<Opportunity> compute(List<OrderBook> books, Fees fees, TransferPlans plans, EngineSettings s, Instant now,
                                     PersistenceTracker tracker) {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(s, "settings");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tracker, "tracker");
        UsdRates rates = UsdRates.from(books);
        List<Opportunity> found = new ArrayList<>();
        for (Map<String, OrderBook> byExchange : latestByPairAndExchange(books).values()) {
            for (OrderBook buy : byExchange.values()) {
                for (OrderBook sell : byExchange.values()) {
                    if (buy != sell) {
                        evaluate(buy, sell, fees, plans, s, now, rates).ifPresent(found::add);
                    }
                }
            }
        }
        Set<String> profitable = found.stream().filter(Opportunity::isProfitable).map(Opportunity::key)
                .collect(Collectors.toSet());
        Map<String, Duration> persisted = tracker.record(profitable, now);
        return found.stream()
                .map(o -> o.withPersisted(persisted.getOrDefault(o.key(), Duration.ZERO)))
                .sorted(BEST_FIRST)
                .toList();
    }

    private Optional<Opportunity> evaluate(OrderBook buy, OrderBook sell, Fees fees, TransferPlans plans,
                                           EngineSettings s, Instant now, UsdRates rates) {
        if (buy.asks().isEmpty() || sell.bids().isEmpty()) {
            return Optional.empty();
        }
        String pair = Pairs.canonical(buy);
        BigDecimal ask = buy.asks().get(0).price();
        BigDecimal bid = sell.bids().get(0).price();
        if (ask.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal grossPct = bid.subtract(ask).divide(ask, DepthWalker.SCALE, RoundingMode.HALF_EVEN)
                .multiply(HUNDRED).setScale(4, RoundingMode.HALF_EVEN);
        Set<String> flags = new HashSet<>();
        Instant older = buy.receivedAt().isBefore(sell.receivedAt()) ? buy.receivedAt() : sell.receivedAt();
        Duration quoteAge = Duration.between(older, now);
        quoteAge = quoteAge.isNegative() ? Duration.ZERO : quoteAge;
        if (quoteAge.compareTo(s.maxQuoteAge()) > 0) {
            flags.add(Opportunity.STALE);
        }
        if (grossPct.compareTo(s.maxPlausibleSpreadPct()) > 0) {
            flags.add(Opportunity.IMPLAUSIBLE);
        }
        Transfer transfer = plans.plan(buy.base(), buy.exchange(), sell.exchange());
        Optional<BigDecimal> withdrawal = transfer == null ? fees.withdrawalFeeFor(buy.base())
                : fees.withdrawalFeeFor(buy.base(), transfer.network(), transfer.withdrawalFee());
        if (withdrawal.isEmpty()) {
            flags.add(Opportunity.UNKNOWN_WITHDRAWAL_FEE);
        }
        BigDecimal minWithdrawal = transfer == null ? null : transfer.minWithdrawal();
        Optional<BigDecimal> usdPerQuote = rates.usdPerUnit(buy.quote());
        List<SizeResult> sizes = new ArrayList<>();
        if (usdPerQuote.isEmpty()) {
            flags.add(Opportunity.NO_USD_RATE);
        } else {
            for (BigDecimal size : s.sizesUsd()) {
                sizes.add(SizeEvaluator.evaluate(buy, sell, fees.takerFeeFor(buy.exchange()),
                        fees.takerFeeFor(sell.exchange()), withdrawal.orElse(BigDecimal.ZERO), minWithdrawal, size,
                        usdPerQuote.get()));
            }
        }
        BigDecimal netPct = sizes.stream().min(Comparator.comparing(SizeResult::sizeUsd))
                .map(SizeResult::netPct).orElse(null);
        BigDecimal estProfit = sizes.stream().filter(SizeResult::fillable).map(SizeResult::profitUsd)
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO.setScale(2));
        return Optional.of(new Opportunity(pair, buy.exchange(), sell.exchange(), ask, bid, grossPct, netPct,
                sizes, estProfit, quoteAge, Duration.ZERO, flags, transfer));
    }

    /** pair → exchange → book; a duplicate book for the same exchange and pair keeps the newest one. */
    private static Map<String, Map<String, OrderBook>> latestByPairAndExchange(List<OrderBook> books) {
        Map<String, Map<String, OrderBook>> result = new TreeMap<>();
        for (OrderBook book : books) {
            if (!Pairs.isWellFormed(book)) {
                continue;
            }
            result.computeIfAbsent(Pairs.canonical(book), k -> new TreeMap<>())
                    .merge(book.exchange(), book, (a, b) -> b.receivedAt().isAfter(a.receivedAt()) ? b : a);
        }
        return result;
    }
}
