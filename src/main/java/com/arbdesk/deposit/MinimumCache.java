package com.arbdesk.deposit;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.nowpayments.MinAmount;
import com.arbdesk.nowpayments.NowPaymentsClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's minimum deposit per coin in USD (GET /min-amount from the coin to the merchant's payout
 * currency, with fiat_equivalent=usd), cached briefly.
 */
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
        // the pair the provider applies: the pay coin to the merchant's payout currency, which is the provider's
        // default for currency_to (naming the pay coin itself asks about a pair no payment uses)
        MinAmount m = provider.minAmount(ticker, null, "usd");
        BigDecimal usd = m.fiatEquivalent() != null ? m.fiatEquivalent()
                : provider.estimate(m.minAmount(), ticker, "usd").estimatedAmount();
        // rounded up to the cent: a deposit of exactly the shown minimum must be accepted by the provider
        Money min = new Money(Asset.USD, usd.setScale(2, RoundingMode.UP));
        cache.put(ticker, new Entry(min, clock.instant()));
        return min;
    }
}
