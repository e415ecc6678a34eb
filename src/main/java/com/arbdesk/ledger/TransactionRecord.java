package com.arbdesk.ledger;

import java.time.Instant;

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

    /** What the row is worth to the user: a deposit counts what it credited once anything arrived. */
    public Money shownAmount() {
        return "deposit".equals(type) && credited.signum() > 0 ? credited : amount;
    }
}
