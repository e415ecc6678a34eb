package com.arbdesk.nowpayments;

import java.math.BigDecimal;

/**
 * Refuses payment reports whose amounts no real payment can have: negative, above the configured cap, or
 * with more decimals than any coin has. A signed IPN can still carry such numbers (a provider bug, a leaked
 * secret); refusing it as malformed keeps it out of the money arithmetic instead of failing there for ever.
 */
public final class PaymentAmounts {
    /** More decimals than any coin has (ETH has 18). */
    static final int MAX_SCALE = 18;

    private PaymentAmounts() {
    }

    /** Throws a {@link NowPaymentsException} naming the first implausible amount. */
    public static void requirePlausible(Payment p, BigDecimal cap) {
        check("price_amount", p.priceAmount(), cap);
        check("pay_amount", p.payAmount(), cap);
        check("actually_paid", p.actuallyPaid(), cap);
        check("outcome_amount", p.outcomeAmount(), cap);
    }

    private static void check(String field, BigDecimal value, BigDecimal cap) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || value.compareTo(cap) > 0 || value.stripTrailingZeros().scale() > MAX_SCALE) {
            throw NowPaymentsException.unexpected(field + " is outside what a real payment can carry (0 to " + cap.toPlainString()
                    + ", at most " + MAX_SCALE + " decimals)");
        }
    }
}
