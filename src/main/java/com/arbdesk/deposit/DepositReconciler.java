package com.arbdesk.deposit;

import com.arbdesk.Background;
import com.arbdesk.db.Tx;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.NowPaymentsException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the provider about deposits stuck in a non-final status (for when IPNs are lost) and applies
 * each answer through the same path as an IPN, which re-reads the row under the write lock.
 */
public final class DepositReconciler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DepositReconciler.class.getName());
    private static final int BATCH = 50;

    private final Tx tx;
    private final DepositDao deposits;
    private final DepositUpdater updater;
    private final NowPaymentsClient provider;
    private final Duration after;
    private final Clock clock;
    private final ScheduledExecutorService exec = Background.singleThread("deposit-reconciler");

    public DepositReconciler(Tx tx, DepositDao deposits, DepositUpdater updater, NowPaymentsClient provider, Duration after,
                             Clock clock) {
        this.tx = tx;
        this.deposits = deposits;
        this.updater = updater;
        this.provider = provider;
        this.after = after;
        this.clock = clock;
    }

    public void start(Duration interval) {
        exec.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many deposits were updated. */
    public int runOnce() {
        int updated = 0;
        try {
            List<Deposit> open = tx.read(c -> deposits.openOlderThan(c, clock.instant().minus(after), BATCH));
            for (Deposit d : open) {
                if (d.paymentId() == null) {
                    continue; // an invoice nobody has paid yet: nothing to ask the provider about
                }
                try {
                    if ("applied".equals(updater.apply(provider.getPayment(d.paymentId()), "reconcile", null).verdict())) {
                        updated++;
                    }
                } catch (NowPaymentsException e) {
                    LOG.log(Level.WARNING, "reconciler skipped deposit " + d.id() + ": " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            // a background loop: log and try again next time rather than dying silently
            LOG.log(Level.SEVERE, "reconciler pass failed", e);
        }
        return updated;
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
