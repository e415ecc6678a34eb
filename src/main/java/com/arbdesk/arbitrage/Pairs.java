package com.arbdesk.arbitrage;

import java.util.Locale;

/** Pair-name helpers: which books can be read as base/quote and the canonical name two books must share. */
final class Pairs {
    private Pairs() {
    }

    /** True when the pair reads as BASE/QUOTE with both parts non-empty. */
    static boolean isWellFormed(OrderBook book) {
        String pair = book.pair();
        int slash = pair == null ? -1 : pair.indexOf('/');
        return slash > 0 && slash < pair.length() - 1;
    }

    /** Upper-case BASE/QUOTE: two books are comparable only when this is equal (same base AND quote). */
    static String canonical(OrderBook book) {
        return book.base().toUpperCase(Locale.ROOT) + "/" + book.quote().toUpperCase(Locale.ROOT);
    }
}
