package com.arbdesk.deposit;

import com.arbdesk.core.Money;

/** Published after a committed deposit change: created, moved to a new status, or credited. */
public record DepositChanged(Deposit deposit, Money newBalance, Money creditedNow, boolean created) {
}
