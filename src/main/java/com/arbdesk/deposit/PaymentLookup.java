package com.arbdesk.deposit;

import com.arbdesk.db.Tx;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.NowPaymentsException;
import com.arbdesk.nowpayments.Payment;
import java.util.Optional;

/**
 * The reconciler's check of one deposit: asks the provider about it and applies the answer through
 * {@link DepositUpdater}, then writes the deposit's next check whatever happened.
 */
final class PaymentLookup implements DepositReconciler.Checker {
    private final Tx tx;
    private final DepositDao deposits;
    private final DepositUpdater updater;
    private final NowPaymentsClient provider;

    PaymentLookup(Tx tx, DepositDao deposits, DepositUpdater updater, NowPaymentsClient provider) {
        this.tx = tx;
        this.deposits = deposits;
        this.updater = updater;
        this.provider = provider;
    }

    @Override
    public DepositReconciler.Check check(long depositId) {
        Optional<Deposit> found = tx.read(c -> deposits.findById(c, depositId));
        if (found.isEmpty()) {
            return DepositReconciler.Check.UNCHANGED;
        }
        Deposit d = found.get();
        try {
            boolean changed = d.paymentId() != null && applied(provider.getPayment(d.paymentId()));
            updater.checked(depositId, changed ? ReconcileSchedule.Event.CHANGED : ReconcileSchedule.Event.UNCHANGED);
            return changed ? DepositReconciler.Check.CHANGED : DepositReconciler.Check.UNCHANGED;
        } catch (NowPaymentsException e) {
            boolean busy = e.kind().isTransient(); // 429, 5xx, timeouts: the provider, not this deposit
            updater.checked(depositId, busy ? ReconcileSchedule.Event.BUSY : ReconcileSchedule.Event.FAILED);
            return new DepositReconciler.Check(busy ? DepositReconciler.Kind.BUSY : DepositReconciler.Kind.FAILED, e.getMessage());
        }
    }

    private boolean applied(Payment p) {
        return "applied".equals(updater.apply(p, UpdateSource.RECONCILE, null).verdict());
    }
}
