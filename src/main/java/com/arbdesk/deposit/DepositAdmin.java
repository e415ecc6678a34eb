package com.arbdesk.deposit;

import com.arbdesk.config.AppConfig;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The back office's view of IPNs and of the reconciler: the log, replay, approval, watching again, and the health figures. */
public final class DepositAdmin {
    /** Refused IPNs that are stored one row each (signed but not a payment); bad signatures are only sampled. */
    private static final List<IpnVerdict> STORED_REFUSALS = Arrays.stream(IpnVerdict.values())
            .filter(v -> v.refused() && v != IpnVerdict.INVALID_SIGNATURE).toList();

    private final Tx tx;
    private final IpnEventDao ipns;
    private final RejectedIpns rejected;
    private final DepositDao deposits;
    private final DepositService service;
    private final DepositWatchDao watch;
    private final FiatValuation valuation;
    private final IpnIntake intake;
    private final DepositUpdater updater;
    private final DepositReconciler reconciler;
    private final AppConfig.Reconcile settings;
    private final boolean invoiceRecovery;
    private final Clock clock;

    public DepositAdmin(Tx tx, IpnEventDao ipns, RejectedIpns rejected, DepositDao deposits, DepositService service, DepositWatchDao watch,
                        FiatValuation valuation, IpnIntake intake, DepositUpdater updater, DepositReconciler reconciler,
                        AppConfig.Reconcile settings, boolean invoiceRecovery, Clock clock) {
        this.tx = tx;
        this.ipns = ipns;
        this.rejected = rejected;
        this.deposits = deposits;
        this.service = service;
        this.watch = watch;
        this.valuation = valuation;
        this.intake = intake;
        this.updater = updater;
        this.reconciler = reconciler;
        this.settings = settings;
        this.invoiceRecovery = invoiceRecovery;
        this.clock = clock;
    }

    /** IPN figures for the provider health panel. */
    public record IpnHealth(Instant lastReceived, long failuresLastHour, long openDepositsOlderThanThreshold) {
    }

    public List<IpnEventDao.IpnEvent> ipns(IpnVerdict verdict, Long depositId, int limit, int offset) {
        return tx.read(c -> ipns.recent(c, verdict, depositId, Math.max(1, Math.min(limit, 500)), Math.max(0, offset)));
    }

    /**
     * Runs a stored IPN again; safe because applying is idempotent. A signature failure stays a failure:
     * the outcome is the verdict written on the row again (invalid_signature or malformed).
     */
    public DepositUpdater.Outcome replay(long id) {
        try {
            return intake.replay(id);
        } catch (IpnRefusedException e) {
            return new DepositUpdater.Outcome(e.verdict(), e.getMessage(), null);
        }
    }

    /** Credits a re-deposit (or any deposit held for review) after an admin looked at it. */
    public DepositUpdater.Outcome approve(long depositId, long adminId) {
        Deposit d = tx.read(c -> deposits.findById(c, depositId)).orElseThrow(() -> Failure.notFound("Deposit " + depositId));
        return updater.approve(depositId, adminId, valuation.estimateFor(d));
    }

    /**
     * An admin's re-check: the provider is asked now, even about a completed deposit, and the answer goes through
     * the IPN path. A provider outage changes nothing (DepositService swallows it); the deposit as it now stands.
     */
    public Deposit recheck(long depositId) {
        return service.rechecked(depositId);
    }

    /** "Check it again": a deposit no longer watched (or about to stop) is polled for another grace period, and checked now. */
    public Deposit watchAgain(long depositId) {
        updater.rearm(depositId);
        return service.rechecked(depositId);
    }

    public IpnHealth health() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        // bad signatures: counted in memory, sampled in the table; the larger figure survives a restart
        return tx.read(c -> new IpnHealth(ipns.lastReceived(c).orElse(null),
                ipns.countSince(c, hourAgo, STORED_REFUSALS)
                        + Math.max(rejected.lastHour(), ipns.countSince(c, hourAgo, List.of(IpnVerdict.INVALID_SIGNATURE))),
                watch.countOpenOlderThan(c, clock.instant().minus(settings.after()))));
    }

    public ReconcileHealth reconcilerHealth() {
        Instant now = clock.instant();
        ReconcileStats.Snapshot s = reconciler.stats();
        return tx.read(c -> {
            Instant oldest = watch.earliestCheck(c).orElse(null);
            Duration lag = oldest == null || !oldest.isBefore(now) ? Duration.ZERO : Duration.between(oldest, now);
            return new ReconcileHealth(lag, oldest, s.checksLastHour(), s.errorsLastHour(), s.lastError(),
                    watch.countWatched(c), watch.countUnwatched(c), s.lastPass(),
                    reconciler.pausedUntil().isAfter(now) ? reconciler.pausedUntil() : null,
                    settings.requestsPerSecond(), invoiceRecovery);
        });
    }
}
