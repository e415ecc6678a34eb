package com.arbdesk.ledger;

import com.arbdesk.core.Money;

/** Published after a committed ledger change that is not a deposit (for example an admin adjustment). */
public record BalanceChanged(long userId, Money newBalance, Money change, long transactionId, String reason) {
}
