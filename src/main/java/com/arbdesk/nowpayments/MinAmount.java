package com.arbdesk.nowpayments;

import java.math.BigDecimal;

/**
 * The smallest payment the provider accepts for a coin pair, in {@code currencyFrom} units.
 *
 * @param fiatEquivalent the minimum in the requested fiat; null when not requested
 */
public record MinAmount(String currencyFrom, String currencyTo, BigDecimal minAmount, BigDecimal fiatEquivalent) {
}
