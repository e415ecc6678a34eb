package com.arbdesk.deposit;

import com.arbdesk.ledger.Asset;
import com.arbdesk.ledger.Money;
import com.arbdesk.nowpayments.MinAmount;
import com.arbdesk.nowpayments.NowPaymentsClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The provider's minimum deposit per coin in USD (GET /min-amount with fiat_equivalent), cached briefly. */
final class MinimumCache {
    private static final Duration TTL = Duration.ofMinutes(2);

    private record Entry(Money usd, Instant at) {
    }

    private final NowPaymentsClient provider;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    MinimumCache(NowPaymentsClient provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    Money minimumUsd(String ticker) {
        Entry e = cache.get(ticker);
        if (e != null && e.at().plus(TTL).isAfter(clock.instant())) {
            return e.usd();
        }
        MinAmount m = provider.minAmount(ticker, ticker, "usd");
        BigDecimal usd = m.fiatEquivalent() != null ? m.fiatEquivalent()
                : provider.estimate(m.minAmount(), ticker, "usd").estimatedAmount();
        // rounded up to the cent: a deposit of exactly the shown minimum must be accepted by the provider
        Money min = new Money(Asset.USD, usd.setScale(2, RoundingMode.UP));
        cache.put(ticker, new Entry(min, clock.instant()));
        return min;
    }
}
