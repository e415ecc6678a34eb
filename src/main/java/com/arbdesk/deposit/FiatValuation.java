package com.arbdesk.deposit;

import com.arbdesk.core.db.Tx;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.NowPaymentsException;
import com.arbdesk.nowpayments.NowPaymentsStatus;
import com.arbdesk.nowpayments.Payment;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches the provider's current USD estimate for what a payment received, before the update takes
 * the write lock (never a provider call while holding it), when the payment will be valued by the
 * provider's figure but reports none: a late payment, one after a failure, a re-deposit. GET
 * /payment answers carry no actually_paid_at_fiat, and IPNs often carry 0.
 */
public final class FiatValuation {
    private static final Logger LOG = Logger.getLogger(FiatValuation.class.getName());

    private final Tx tx;
    private final DepositDao deposits;
    private final NowPaymentsClient provider;
    private final Clock clock;

    public FiatValuation(Tx tx, DepositDao deposits, NowPaymentsClient provider, Clock clock) {
        this.tx = tx;
        this.deposits = deposits;
        this.provider = provider;
        this.clock = clock;
    }

    /** The estimate in USD, or null when none is needed or the provider could not give one (a later check retries). */
    public BigDecimal estimateFor(Payment p) {
        if (!mayWant(p)) {
            return null;
        }
        Optional<Deposit> d = tx.read(c -> {
            Optional<Deposit> byPayment = deposits.findByPaymentId(c, p.paymentId());
            return byPayment.isEmpty() && p.invoiceId() != null && p.parentPaymentId() == null
                    ? deposits.findByInvoiceId(c, p.invoiceId()) : byPayment;
        });
        return wanted(p, d) ? fetch(p) : null;
    }

    /**
     * Whether the update of {@code found} (the deposit the payment is about, as the caller read it; empty when none)
     * will be valued by the provider's figure that the payment does not carry, so an estimate is worth a provider call.
     * No database read: the IPN path asks this inside its write transaction, about the row it read there.
     */
    boolean wanted(Payment p, Optional<Deposit> found) {
        if (!mayWant(p)) {
            return false;
        }
        return found.isEmpty() ? p.parentPaymentId() != null : needsFigure(found.get(), p);
    }

    /** The provider's estimate for what the payment received; null when it has none yet. Never call it under the lock. */
    BigDecimal fetch(Payment p) {
        return estimate(p.actuallyPaid(), p.payCurrency(), p.paymentId());
    }

    /** Only a payment that received coins, reports no fiat figure and finished (fully or partly) can want one. */
    private static boolean mayWant(Payment p) {
        boolean received = p.actuallyPaid() != null && p.actuallyPaid().signum() > 0;
        boolean reported = p.actuallyPaidAtFiat() != null && p.actuallyPaidAtFiat().signum() > 0;
        NowPaymentsStatus s = p.parsedStatus();
        return received && !reported && p.payCurrency() != null
                && (s == NowPaymentsStatus.FINISHED || s == NowPaymentsStatus.PARTIALLY_PAID);
    }

    /** For an admin's approval of a deposit held for review that has no fiat figure stored. */
    public BigDecimal estimateFor(Deposit d) {
        if (d.actuallyPaidFiat() != null || d.actuallyPaid() == null || new BigDecimal(d.actuallyPaid()).signum() <= 0) {
            return null;
        }
        return estimate(new BigDecimal(d.actuallyPaid()), d.payCurrency(), d.paymentId());
    }

    private BigDecimal estimate(BigDecimal amount, String payCurrency, String paymentId) {
        try {
            return provider.estimate(amount, payCurrency, "usd").estimatedAmount();
        } catch (NowPaymentsException e) {
            LOG.log(Level.INFO, "no USD estimate for payment " + paymentId + " yet: " + e.getMessage());
            return null;
        }
    }

    /** Read without the lock, so a guess: the decision under the lock flags valuation_pending when it guessed wrong. */
    private boolean needsFigure(Deposit d, Payment p) {
        return d.isRedeposit() || CreditDecision.byProviderFigure(d, d.flags()) || d.status() == DepositStatus.EXPIRED
                || d.status() == DepositStatus.FAILED || d.has(DepositFlag.VALUATION_PENDING)
                || d.status() == DepositStatus.PENDING && d.expiresAt() != null
                && (p.updatedAt() != null ? p.updatedAt() : clock.instant()).isAfter(d.expiresAt());
    }
}
