package com.arbdesk.nowpayments;

import java.math.BigDecimal;

/** The provider's conversion estimate: {@code amountFrom} of one currency buys about {@code estimatedAmount} of another. */
public record Estimate(String currencyFrom, BigDecimal amountFrom, String currencyTo, BigDecimal estimatedAmount) {
}
