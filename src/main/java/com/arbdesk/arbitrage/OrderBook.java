package com.arbdesk.arbitrage;

import java.time.Instant;
import java.util.List;

/**
 * An exchange's order book for one pair ("BTC/USDT": base/quote) as received: bids best (highest)
 * first, asks best (lowest) first, and when we received it (quote age is measured from here).
 */
public record OrderBook(String exchange, String pair, List<Level> bids, List<Level> asks, Instant receivedAt) {
    public OrderBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public String base() {
        return pair.substring(0, pair.indexOf('/'));
    }

    public String quote() {
        return pair.substring(pair.indexOf('/') + 1);
    }
}
