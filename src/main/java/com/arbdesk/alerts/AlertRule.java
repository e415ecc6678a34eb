package com.arbdesk.alerts;

import com.arbdesk.arbitrage.Opportunity;
import com.arbdesk.arbitrage.SizeResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One user's alert rule: "net spread at least {@code minNetPct} % at {@code sizeUsd} on {@code pair} buying on
 * {@code buyExchange} and selling on {@code sellExchange}, held for at least {@code minDuration}". A null pair or
 * exchange means any.
 */
public record AlertRule(long id, long userId, String pair, String buyExchange, String sellExchange, BigDecimal sizeUsd,
                        BigDecimal minNetPct, Duration minDuration, boolean enabled, Instant createdAt, Instant updatedAt) {

    /** The route is one this rule watches (pair and exchanges), whatever its spread. */
    boolean watches(Opportunity o) {
        return (pair == null || pair.equalsIgnoreCase(o.pair()))
                && (buyExchange == null || buyExchange.equalsIgnoreCase(o.buyExchange()))
                && (sellExchange == null || sellExchange.equalsIgnoreCase(o.sellExchange()));
    }

    /** The route's net % at the rule's size when it meets the threshold on trusted quotes, else null. */
    BigDecimal meets(Opportunity o) {
        if (!o.trusted() || !watches(o)) {
            return null;
        }
        // not ArbitrageService.netAt: its findFirst throws on a size the books cannot fill (a null net)
        for (SizeResult s : o.sizes()) {
            if (s.sizeUsd().compareTo(sizeUsd) == 0) {
                return s.netPct() != null && s.netPct().compareTo(minNetPct) >= 0 ? s.netPct() : null;
            }
        }
        return null;
    }

    /** The same rule with matching settings changed: tracking restarts when this differs. */
    String condition() {
        return pair + "|" + buyExchange + "|" + sellExchange + "|" + sizeUsd.toPlainString() + "|" + minNetPct.toPlainString()
                + "|" + minDuration.toSeconds();
    }
}
