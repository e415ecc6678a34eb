package com.arbdesk.deposit;

import com.arbdesk.core.Money;

/** Published in the transaction of a deposit change (created, moved to a new status, or credited); listeners run in it or after its commit. */
public record DepositChanged(Deposit deposit, Money newBalance, Money creditedNow, boolean created) {
}
