package com.arbdesk.deposit;

import java.util.Locale;

/**
 * The anomalies a deposit can carry beside its status (a second field, not more statuses). Stored
 * comma-separated in {@code transactions.flags} in their {@link #wire()} form.
 */
public enum DepositFlag {
    /** More arrived than quoted; what arrived is credited. */
    OVERPAID,
    /** Paid after the quote or the payment expired; valued at the provider's fiat figure. */
    LATE_PAYMENT,
    /** The provider finished a payment it had reported failed: the money arrived after all. */
    PAID_AFTER_FAILURE,
    /** Refunded after something was credited; the admin decides, nothing is taken back automatically. */
    REFUND_AFTER_CREDIT,
    /** The merchant cancelled a partial payment that was credited: the payer may be owed a refund. */
    REFUND_DUE,
    /** A further payment to a used address (a child with parent_payment_id). */
    REDEPOSIT,
    /** Held for an admin: nothing (more) is credited until approved. */
    NEEDS_REVIEW,
    /** "finished" without any amount received reported: not credited blindly. */
    NOTHING_REPORTED,
    /** To be valued at the provider's fiat figure, which is not known yet: a later check credits it. */
    VALUATION_PENDING,
    /** An admin approved it. */
    APPROVED,
    /** The provider's answer names another payment, coin, order or price than the deposit's. */
    EXTRA_PAYMENT,
    CURRENCY_MISMATCH,
    ORDER_MISMATCH,
    AMOUNT_MISMATCH;

    /** The stored and JSON form: "late_payment". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
