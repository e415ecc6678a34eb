package com.arbdesk.deposit;

import com.arbdesk.core.db.Tx;
import com.arbdesk.nowpayments.ListPaymentsQuery;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.NowPaymentsException;
import com.arbdesk.nowpayments.Payment;
import com.arbdesk.nowpayments.RateBudget;
import java.util.Comparator;
import java.util.Optional;

/**
 * The reconciler's check of one deposit: asks the provider about it and applies the answer through
 * {@link DepositUpdater}, then writes the deposit's next check whatever happened.
 *
 * <ul>
 *   <li>a deposit with a payment: {@code GET /payment/{id}}; the children its payment_extra_ids name
 *       that we never heard of (re-deposits whose IPN was lost) are read and become linked deposits;</li>
 *   <li>an invoice deposit without a payment yet: the payment list filtered by its invoice id (needs the
 *       account login); the payment that got furthest is attached and from then on it is checked like any.</li>
 * </ul>
 */
final class PaymentLookup implements DepositReconciler.Checker {
    private static final int INVOICE_PAYMENTS = 50;

    private final Tx tx;
    private final DepositDao deposits;
    private final DepositUpdater updater;
    private final NowPaymentsClient provider;
    private final RateBudget budget;
    private final FiatValuation valuation;

    PaymentLookup(Tx tx, DepositDao deposits, DepositUpdater updater, NowPaymentsClient provider, RateBudget budget,
                  FiatValuation valuation) {
        this.tx = tx;
        this.deposits = deposits;
        this.updater = updater;
        this.valuation = valuation;
        this.provider = provider;
        this.budget = budget;
    }

    @Override
    public DepositReconciler.Check check(long depositId) {
        Optional<Deposit> found = tx.read(c -> deposits.findById(c, depositId));
        if (found.isEmpty()) {
            return DepositReconciler.Check.UNCHANGED;
        }
        Deposit d = found.get();
        try {
            boolean changed = d.paymentId() != null ? byPayment(d) : d.invoiceId() != null && byInvoice(d);
            updater.checked(depositId, changed ? ReconcileSchedule.Event.CHANGED : ReconcileSchedule.Event.UNCHANGED);
            return changed ? DepositReconciler.Check.CHANGED : DepositReconciler.Check.UNCHANGED;
        } catch (NowPaymentsException e) {
            boolean busy = e.kind().isTransient(); // 429, 5xx, timeouts: the provider, not this deposit
            updater.checked(depositId, busy ? ReconcileSchedule.Event.BUSY : ReconcileSchedule.Event.FAILED);
            return new DepositReconciler.Check(busy ? DepositReconciler.Kind.BUSY : DepositReconciler.Kind.FAILED, e.getMessage());
        }
    }

    private boolean byPayment(Deposit d) {
        Payment p = provider.getPayment(d.paymentId());
        boolean changed = applied(p);
        for (String childId : p.paymentExtraIds()) {
            if (tx.read(c -> deposits.findByPaymentId(c, childId)).isEmpty() && budget.acquire()) {
                // a re-deposit we never heard of: its IPN was lost; it becomes a linked deposit like any other
                Payment child = provider.getPayment(childId).asChildOf(p.paymentId());
                updater.apply(child, UpdateSource.RECONCILE, null, valuation.estimateFor(child));
            }
        }
        return changed;
    }

    /** Without the account login the list cannot be read: that is said at start-up and in the back office. */
    private boolean byInvoice(Deposit d) {
        if (!provider.canListPayments()) {
            return false;
        }
        Optional<Payment> furthest = provider.listPayments(ListPaymentsQuery.ofInvoice(d.invoiceId(), INVOICE_PAYMENTS)).data()
                .stream().filter(p -> d.invoiceId().equals(p.invoiceId()) && p.parentPaymentId() == null)
                .max(Comparator.comparingInt(p -> p.parsedStatus().progress()));
        return furthest.isPresent() && applied(furthest.get());
    }

    private boolean applied(Payment p) {
        return updater.apply(p, UpdateSource.RECONCILE, null, valuation.estimateFor(p)).applied();
    }
}
