package com.arbdesk.ledger;

import com.arbdesk.core.Money;

/** Published in the transaction of a ledger change that is not a deposit (for example an admin adjustment); listeners run in it or after its commit. */
public record BalanceChanged(long userId, Money newBalance, Money change, long transactionId, String reason) {
}
