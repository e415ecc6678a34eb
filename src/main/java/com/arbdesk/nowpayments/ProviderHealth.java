package com.arbdesk.nowpayments;

import java.time.Instant;
import java.util.List;

/**
 * The result of the start-up {@link ProviderCheck}: can we reach NOWPayments, is the key accepted,
 * and are the coins we want to offer enabled. {@code message} is one sentence for the admin;
 * {@code hints} are the concrete fixes.
 *
 * @param missingCoins wanted tickers that are not enabled in the dashboard
 * @param invoiceRecovery null when the payment list works; otherwise the sentence saying that lost
 *     IPNs of invoice deposits cannot be recovered, and why
 */
public record ProviderHealth(
        boolean reachable,
        boolean keyValid,
        List<String> enabledCoins,
        List<String> missingCoins,
        String message,
        List<String> hints,
        Instant checkedAt,
        String invoiceRecovery) {

    public ProviderHealth {
        enabledCoins = List.copyOf(enabledCoins);
        missingCoins = List.copyOf(missingCoins);
        hints = List.copyOf(hints);
    }

    /** Deposits can be offered for every wanted coin. */
    public boolean healthy() {
        return reachable && keyValid && missingCoins.isEmpty() && !enabledCoins.isEmpty();
    }
}
