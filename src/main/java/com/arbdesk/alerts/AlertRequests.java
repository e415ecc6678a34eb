package com.arbdesk.alerts;

import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.core.Failure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Checks a rule as a user typed it against what the scanner watches: a known pair (or none for any), known
 * buy and sell exchanges (each or both may be any, never the same one twice), one of the engine's sizes, a
 * threshold from -100 to 100 % with at most 4 decimals, and a duration from 0 to a day.
 */
public final class AlertRequests {
    static final BigDecimal MAX_PCT = new BigDecimal("100");
    static final long MAX_DURATION_SECONDS = 86_400;

    private AlertRequests() {
    }

    /** A rule as sent: text fields, nulls or blanks meaning "any" (enabled: null means true). */
    public record Input(String pair, String buyExchange, String sellExchange, String sizeUsd, String minNetPct, Long minDurationSeconds,
                 Boolean enabled) {
    }

    static AlertRuleDao.Fields check(Input in, ArbitrageService.Settings watched) {
        if (in == null) {
            throw Failure.invalid("body", "send the rule as a JSON object");
        }
        String pair = blank(in.pair()) == null ? null : in.pair().trim().toUpperCase(Locale.ROOT);
        if (pair != null && !watched.pairs().contains(pair)) {
            throw Failure.invalid("pair", "pair must be one of " + String.join(", ", watched.pairs()) + ", or empty for any");
        }
        String buy = exchange("buy_exchange", in.buyExchange(), watched.exchanges());
        String sell = exchange("sell_exchange", in.sellExchange(), watched.exchanges());
        if (buy != null && buy.equals(sell)) {
            throw Failure.invalid("sell_exchange", "sell_exchange must differ from buy_exchange");
        }
        BigDecimal size = decimal("size_usd", in.sizeUsd(), "a size in USD, like 1000");
        List<BigDecimal> sizes = watched.engine().sizesUsd();
        BigDecimal known = sizes.stream().filter(s -> s.compareTo(size) == 0).findFirst().orElseThrow(() -> Failure.invalid("size_usd",
                "size_usd must be one of the scanner's sizes: " + String.join(", ", sizes.stream().map(BigDecimal::toPlainString).toList())));
        BigDecimal pct = decimal("min_net_pct", in.minNetPct(), "a percentage, like 0.3");
        if (pct.abs().compareTo(MAX_PCT) > 0 || pct.stripTrailingZeros().scale() > 4) {
            throw Failure.invalid("min_net_pct", "min_net_pct must be from -100 to 100 with at most 4 decimals");
        }
        Long seconds = in.minDurationSeconds();
        if (seconds == null || seconds < 0 || seconds > MAX_DURATION_SECONDS) {
            throw Failure.invalid("min_duration_seconds", "min_duration_seconds must be whole seconds from 0 to " + MAX_DURATION_SECONDS);
        }
        return new AlertRuleDao.Fields(pair, buy, sell, known.stripTrailingZeros(), pct.stripTrailingZeros(), Duration.ofSeconds(seconds),
                in.enabled() == null || in.enabled());
    }

    private static String exchange(String field, String raw, List<String> exchanges) {
        String v = blank(raw) == null ? null : raw.trim().toLowerCase(Locale.ROOT);
        if (v != null && !exchanges.contains(v)) {
            throw Failure.invalid(field, field + " must be one of " + String.join(", ", exchanges) + ", or empty for any");
        }
        return v;
    }

    private static BigDecimal decimal(String field, String raw, String example) {
        if (blank(raw) == null) {
            throw Failure.invalid(field, field + " is required: " + example);
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw Failure.invalid(field, field + " must be " + example);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
