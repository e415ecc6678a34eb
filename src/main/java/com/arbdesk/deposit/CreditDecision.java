package com.arbdesk.deposit;

import com.arbdesk.core.Asset;
import com.arbdesk.core.Money;
import com.arbdesk.nowpayments.NowPaymentsStatus;
import com.arbdesk.nowpayments.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one provider answer does to a deposit's status, flags and credit: the crediting policy of the
 * README in one pure function, so every path (IPN, refresh, reconciler, replay) decides the same and
 * only the difference to what was already credited is ever written.
 *
 * <ul>
 *   <li>On time: the deposit's own quote, price × actually_paid / pay_amount, rounded down.</li>
 *   <li>Late (after the quote or the payment expired), after a failure, or a re-deposit: the
 *       provider's fiat figure, actually_paid_at_fiat when positive, else the current estimate for
 *       the amount received; never a quote from days before. No figure yet: nothing more is credited
 *       and the deposit is flagged valuation_pending until a check brings one.</li>
 *   <li>"finished" with nothing received reported: held for review, unless the provider is the built-in
 *       sandbox, which reports that for payments it simulates in full.</li>
 *   <li>"cancelled" after something was credited: the status and the credit stay, flagged refund_due.</li>
 *   <li>Held for review: nothing more is credited until an admin approves.</li>
 * </ul>
 */
final class CreditDecision {
    private static final Set<DepositStatus> PAID = EnumSet.of(DepositStatus.CONFIRMING, DepositStatus.PARTIALLY_PAID,
            DepositStatus.COMPLETED);

    /** The outcome: the status to store, the credit it should have, its flags, the fiat figure known, and a timeline note. */
    record Decision(DepositStatus status, Money credited, Set<DepositFlag> flags, BigDecimal fiat, String note) {
    }

    private CreditDecision() {
    }

    /**
     * @param next our status for the provider's word (already mapped)
     * @param fiatEstimate the provider's estimate in USD for what arrived, fetched before the lock; may be null
     * @param trustFinishedWithoutAmount true only against the built-in sandbox
     */
    static Decision decide(Deposit d, DepositStatus next, Payment p, BigDecimal fiatEstimate, boolean trustFinishedWithoutAmount,
                           Instant now) {
        Set<DepositFlag> flags = EnumSet.noneOf(DepositFlag.class);
        flags.addAll(d.flags());
        if (p.parsedStatus() == NowPaymentsStatus.CANCELLED
                && (d.status() == DepositStatus.PARTIALLY_PAID || d.credited().signum() > 0)) {
            // the merchant cancelled a partial payment: what was credited stays visible for the admin, never kept silently
            boolean owed = d.credited().signum() > 0;
            if (owed) {
                flags.add(DepositFlag.REFUND_DUE);
            }
            return new Decision(d.status(), d.credited(), flags, null,
                    owed ? "cancelled by the merchant after " + d.credited().display() + " was credited: refund due" : null);
        }
        if (PAID.contains(next)) {
            if (d.status() == DepositStatus.EXPIRED || d.status() == DepositStatus.PENDING && paidAfterQuote(d, p, now)) {
                flags.add(DepositFlag.LATE_PAYMENT);
            }
            if (d.status() == DepositStatus.FAILED) {
                flags.add(DepositFlag.PAID_AFTER_FAILURE);
            }
        }
        if (next == DepositStatus.REFUNDED && d.credited().signum() > 0) {
            flags.add(DepositFlag.REFUND_AFTER_CREDIT); // never a silent negative balance: the admin decides
        }
        BigDecimal quoted = d.payAmount() != null ? new BigDecimal(d.payAmount()) : p.payAmount();
        if (next == DepositStatus.COMPLETED && CreditPolicy.overpaid(quoted, p.actuallyPaid())) {
            flags.add(DepositFlag.OVERPAID);
        }
        BigDecimal fiat = p.actuallyPaidAtFiat() != null && p.actuallyPaidAtFiat().signum() > 0 ? p.actuallyPaidAtFiat() : fiatEstimate;
        boolean nothingReported = p.actuallyPaid() == null || p.actuallyPaid().signum() <= 0;
        String note = null;
        Money target;
        if (next == DepositStatus.COMPLETED && nothingReported && !trustFinishedWithoutAmount) {
            flags.add(DepositFlag.NOTHING_REPORTED);
            flags.add(DepositFlag.NEEDS_REVIEW);
            target = d.credited();
            note = "finished without any amount received reported: held for review, not credited";
        } else if (byProviderFigure(d, flags) && PAID.contains(next) && !nothingReported) {
            Money valued = fiat == null ? null : Money.floor(Asset.USD, fiat);
            boolean missing = valued == null && next != DepositStatus.CONFIRMING;
            flags.remove(DepositFlag.VALUATION_PENDING);
            if (missing) {
                flags.add(DepositFlag.VALUATION_PENDING);
            }
            target = valued == null || next == DepositStatus.CONFIRMING ? d.credited() : valued;
            note = missing ? "valued at the provider's fiat figure, which is not known yet: nothing more credited" : null;
        } else {
            target = CreditPolicy.target(next, d.amountUsd(), quoted, p.actuallyPaid());
        }
        if (flags.contains(DepositFlag.NEEDS_REVIEW)) {
            target = d.credited(); // held for review: only an admin's approval credits more
        }
        return new Decision(next, target.compareTo(d.credited()) > 0 ? target : d.credited(), flags, fiat, note);
    }

    /** Late payments, payments after a failure and re-deposits are worth what the provider says now, not an old quote. */
    static boolean byProviderFigure(Deposit d, Set<DepositFlag> flags) {
        return d.isRedeposit() || flags.contains(DepositFlag.LATE_PAYMENT)
                || flags.contains(DepositFlag.PAID_AFTER_FAILURE);
    }

    /**
     * Paid after the quote lapsed: judged by when the provider reports the payment moving (its
     * updated_at, else now), so a lost IPN found hours later is judged by the provider's time, not ours.
     */
    private static boolean paidAfterQuote(Deposit d, Payment p, Instant now) {
        Instant seen = p.updatedAt() != null ? p.updatedAt() : now;
        return d.expiresAt() != null && seen.isAfter(d.expiresAt());
    }
}
