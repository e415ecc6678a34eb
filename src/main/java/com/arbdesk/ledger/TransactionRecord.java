package com.arbdesk.ledger;

import com.arbdesk.core.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of the user-visible transactions list (deposits, adjustments); a deposit also names its coin's
 * ticker and, once the provider saw it, the payer's transaction hash.
 */
public record TransactionRecord(long id, long userId, String userEmail, String type, Money amount, String status,
                                String reference, String description, Long createdBy, Instant createdAt,
                                Instant updatedAt, Money credited, String payCurrency, String payinHash) {

    /** The block-explorer page of the payer's transaction, when there is one. */
    public String payinHashUrl() {
        return BlockExplorer.txUrl(payCurrency, payinHash).orElse(null);
    }

    /**
     * What the row has moved on the user's balance, the one figure every page and the API show: a deposit
     * counts only what it has credited (0.00 until something arrives, whatever was asked for); an
     * adjustment is credited as it is written.
     */
    public Money shownAmount() {
        return isDeposit() ? credited : amount;
    }

    /** The amount asked for, shown beside the credited one while they differ (an open, partial or expired deposit). */
    public Optional<Money> requested() {
        return isDeposit() && credited.compareTo(amount) != 0 ? Optional.of(amount) : Optional.empty();
    }

    private boolean isDeposit() {
        return "deposit".equals(type);
    }
}
