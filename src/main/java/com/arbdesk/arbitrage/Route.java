package com.arbdesk.arbitrage;

import java.math.BigDecimal;
import java.util.Objects;

/** One route of the spread history: buy the pair on buyExchange, sell it on sellExchange, for sizeUsd. */
public record Route(String pair, String buyExchange, String sellExchange, BigDecimal sizeUsd) {
    public Route {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(buyExchange, "buyExchange");
        Objects.requireNonNull(sellExchange, "sellExchange");
        sizeUsd = sizeUsd.stripTrailingZeros();
    }

    /** The size as stored (arbitrage_routes.size_usd_text): plain digits, no trailing zeros. */
    public String sizeText() {
        return sizeUsd.toPlainString();
    }
}
