package com.arbdesk.deposit;

import com.arbdesk.core.Money;
import java.time.Instant;
import java.util.Set;

/**
 * A deposit: a transactions row of type deposit with its provider fields. {@code expiresAt} is when
 * the quoted amount lapses (the provider's expiration_estimate_date, about 20 minutes);
 * {@code validUntil} is when the payment itself stops taking coins (about 7 days). {@code actuallyPaidFiat}
 * is the provider's USD figure for what arrived (its actually_paid_at_fiat, or its estimate), kept for
 * payments valued by it. {@code payinExtraId} is the memo a memo coin needs with the address;
 * {@code payinHash} the payer's transaction once the provider saw it. {@code mode} is null only for a row
 * whose column names no mode; {@code flags} is an unmodifiable copy, parsed at the DAO boundary.
 */
public record Deposit(long id, long userId, String userEmail, DepositMode mode, Money amountUsd, DepositStatus status,
                      String currency, String network, String payCurrency, String payAmount, String actuallyPaid,
                      String actuallyPaidFiat, Money credited, String paymentId, String orderId, String invoiceId, String invoiceUrl,
                      String payAddress, String payinExtraId, String payinHash, Instant expiresAt, Instant validUntil, String providerStatus, Set<DepositFlag> flags,
                      String failureReason, Long parentId, Instant createdAt, Instant updatedAt, Watch watch) {

    public Deposit {
        flags = DepositFlag.copyOf(flags);
    }

    /**
     * The reconciler's schedule for this deposit: the next check (null when not polled), its place on
     * the backoff ladder, the last check, where the watch window ends, and since when the window is
     * over while the deposit was unsettled ("no longer watched").
     */
    public record Watch(Instant nextCheckAt, int step, Instant lastCheckedAt, Instant watchUntil, Instant unwatchedAt) {
        public static final Watch NONE = new Watch(null, 0, null, null, null);

        public boolean watched() {
            return nextCheckAt != null;
        }
    }

    public boolean has(DepositFlag flag) {
        return flags.contains(flag);
    }

    /** Whether it is paid this way. */
    public boolean is(DepositMode m) {
        return mode == m;
    }

    /** A re-deposit: a further payment to the address of {@link #parentId}. */
    public boolean isRedeposit() {
        return parentId != null;
    }
}
