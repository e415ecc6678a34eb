package com.arbdesk.nowpayments;

import java.util.Locale;

/**
 * The provider's payment status words. Our own deposit states are separate and mapped from these
 * in one place; an unknown word becomes {@link #UNKNOWN}, which is never final and never credits.
 */
public enum NowPaymentsStatus {
    WAITING(false),
    CONFIRMING(false),
    CONFIRMED(false),
    SENDING(false),
    /** Final: the payer sent less than asked; the provider does not refund these. */
    PARTIALLY_PAID(true),
    FINISHED(true),
    FAILED(true),
    REFUNDED(true),
    EXPIRED(true),
    /** Set by the merchant in the dashboard on partially paid payments. */
    CANCELLED(true),
    UNKNOWN(false);

    private final boolean finalState;

    NowPaymentsStatus(boolean finalState) {
        this.finalState = finalState;
    }

    /** True when the provider will not move the payment on by itself. */
    public boolean isFinal() {
        return finalState;
    }

    /**
     * How far a payment got, for choosing among the payments of one invoice: money received ranks above
     * money on its way, which ranks above waiting, which ranks above a payment that went nowhere.
     */
    public int progress() {
        return switch (this) {
            case FINISHED -> 6;
            case PARTIALLY_PAID, REFUNDED, CANCELLED -> 5;
            case SENDING, CONFIRMED, CONFIRMING -> 4;
            case WAITING -> 2;
            case EXPIRED, FAILED -> 1;
            case UNKNOWN -> 0;
        };
    }

    /** The provider's word as sent, e.g. {@code partially_paid}; {@code unknown} for UNKNOWN. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a status word, ignoring case and surrounding blanks; accepts {@code canceled}. */
    public static NowPaymentsStatus parse(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        String w = word.strip().toUpperCase(Locale.ROOT);
        if (w.equals("CANCELED")) {
            return CANCELLED;
        }
        for (NowPaymentsStatus s : values()) {
            if (s != UNKNOWN && s.name().equals(w)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
