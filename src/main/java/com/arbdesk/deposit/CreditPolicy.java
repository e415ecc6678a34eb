package com.arbdesk.deposit;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a deposit should have credited in USD, given what the provider says arrived. Pure, so every
 * path (IPN, refresh, reconciler, replay) computes the same number and only the difference to what
 * was already credited is ever written.
 *
 * <ul>
 *   <li>completed: the USD value of what arrived at the deposit's own quoted rate,
 *       price × actually_paid / pay_amount, rounded down to the cent; the full price when the provider
 *       reports nothing received (a sandbox quirk). More than quoted arrived: credit it, flag overpaid.</li>
 *   <li>partially paid: the part that arrived, same formula.</li>
 *   <li>anything else: nothing (and never less than already credited).</li>
 * </ul>
 */
public final class CreditPolicy {
    private CreditPolicy() {
    }

    public static Money target(DepositStatus status, Money price, BigDecimal quotedPayAmount, BigDecimal actuallyPaid) {
        boolean nothingReported = actuallyPaid == null || actuallyPaid.signum() <= 0;
        return switch (status) {
            case COMPLETED -> nothingReported || quotedPayAmount == null || quotedPayAmount.signum() <= 0
                    ? price : atQuotedRate(price, quotedPayAmount, actuallyPaid);
            case PARTIALLY_PAID -> nothingReported || quotedPayAmount == null || quotedPayAmount.signum() <= 0
                    ? Money.zero(Asset.USD) : atQuotedRate(price, quotedPayAmount, actuallyPaid);
            default -> Money.zero(Asset.USD);
        };
    }

    public static boolean overpaid(BigDecimal quotedPayAmount, BigDecimal actuallyPaid) {
        return quotedPayAmount != null && actuallyPaid != null && actuallyPaid.compareTo(quotedPayAmount) > 0;
    }

    private static Money atQuotedRate(Money price, BigDecimal payAmount, BigDecimal actuallyPaid) {
        BigDecimal usd = price.amount().multiply(actuallyPaid).divide(payAmount, 10, RoundingMode.DOWN);
        return Money.floor(Asset.USD, usd);
    }
}
