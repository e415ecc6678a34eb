package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.trade.LimitOrder;

/** Pair names and order books translated between ArbDesk ("BTC/USDT", {@link OrderBook}) and XChange. */
final class XChangeBooks {
    private XChangeBooks() {
    }

    /** "BTC/USDT" (base/quote) to XChange's pair; anything else is refused. */
    static CurrencyPair currencyPair(String pair) {
        int slash = pair.indexOf('/');
        if (slash <= 0 || slash == pair.length() - 1 || pair.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("pair must be BASE/QUOTE: " + pair);
        }
        return new CurrencyPair(pair.substring(0, slash), pair.substring(slash + 1));
    }

    /** Best first on each side (highest bid, lowest ask), at most {@code depth} levels, exact prices and amounts. */
    static OrderBook toOrderBook(String exchange, String pair, org.knowm.xchange.dto.marketdata.OrderBook book,
                                 int depth, Instant receivedAt) {
        return new OrderBook(exchange, pair,
                levels(book.getBids(), Comparator.comparing(Level::price).reversed(), depth),
                levels(book.getAsks(), Comparator.comparing(Level::price), depth),
                receivedAt);
    }

    private static List<Level> levels(List<LimitOrder> orders, Comparator<Level> bestFirst, int depth) {
        return orders.stream()
                .filter(o -> o.getLimitPrice() != null && o.getOriginalAmount() != null)
                .map(o -> new Level(o.getLimitPrice(), o.getOriginalAmount()))
                .filter(l -> l.amount().compareTo(BigDecimal.ZERO) > 0)
                .sorted(bestFirst)
                .limit(depth)
                .toList();
    }
}
