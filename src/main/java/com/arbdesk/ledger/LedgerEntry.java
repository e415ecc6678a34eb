package com.arbdesk.ledger;

import com.arbdesk.core.Money;
import java.time.Instant;

/** One append-only ledger row. */
public record LedgerEntry(long id, long userId, Money amount, String entryType, String source, String sourceRef,
                          Long transactionId, Long actorUserId, String reason, Instant createdAt) {
}
