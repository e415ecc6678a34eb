package com.arbdesk.deposit;

import com.arbdesk.nowpayments.NowPaymentsStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our deposit statuses (separate from the provider's words) and the only transitions allowed
 * between them. A status never moves backwards: a late "confirming" after "completed" is ignored.
 * An expired deposit that is paid late, or a failed one whose money arrived after all, may still
 * complete; that is flagged, not refused.
 */
public enum DepositStatus {
    PENDING, CONFIRMING, PARTIALLY_PAID, COMPLETED, FAILED, EXPIRED, REFUNDED;

    private static final Map<DepositStatus, Set<DepositStatus>> NEXT = Map.of(
            PENDING, Set.of(CONFIRMING, PARTIALLY_PAID, COMPLETED, FAILED, EXPIRED),
            CONFIRMING, Set.of(PARTIALLY_PAID, COMPLETED, FAILED),
            PARTIALLY_PAID, Set.of(COMPLETED, REFUNDED),
            EXPIRED, Set.of(CONFIRMING, PARTIALLY_PAID, COMPLETED),
            COMPLETED, Set.of(REFUNDED),
            FAILED, Set.of(CONFIRMING, PARTIALLY_PAID, COMPLETED),
            REFUNDED, Set.of());

    public boolean canMoveTo(DepositStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Settled: no further provider update is expected in the normal course. The one definition of
     * "final": the open-deposit count (DepositWatchDao), the reconciler's slow end of the ladder and the
     * dialog's FINAL list (deposit.js, checked by DepositVocabularyTest) all derive from it. An expired
     * or failed deposit is still watched for late coins; that is {@link ReconcileSchedule#trackable}.
     */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REFUNDED || this == EXPIRED;
    }

    /** The stored and JSON form: "partially_paid". */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DepositStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The one mapping from the provider's status words to ours; null for words that move nothing. */
    public static DepositStatus fromProvider(NowPaymentsStatus s) {
        return switch (s) {
            case WAITING -> PENDING;
            case CONFIRMING, CONFIRMED, SENDING -> CONFIRMING;
            case PARTIALLY_PAID -> PARTIALLY_PAID;
            case FINISHED -> COMPLETED;
            case FAILED, CANCELLED -> FAILED;
            case EXPIRED -> EXPIRED;
            case REFUNDED -> REFUNDED;
            default -> null;
        };
    }
}
