package com.arbdesk.deposit;

import com.arbdesk.core.Background;
import com.arbdesk.core.db.Tx;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.RateBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the provider about every deposit whose check is due, most overdue first, within a
 * requests-per-second budget, so that a paid deposit whose IPN was lost is still credited. Each
 * check always writes the deposit's next one (see {@link ReconcileSchedule}), and the answer is
 * applied through the same path as an IPN, which re-reads the row under the write lock. When the
 * provider rate-limits or fails, the pass stops and the next ones wait, backing off.
 */
public final class DepositReconciler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DepositReconciler.class.getName());
    private static final int BATCH = 100;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    /** Where due deposits come from: the database, or a test's in-memory schedule. */
    @FunctionalInterface
    public interface Watchlist {
        List<Long> due(Instant at, int limit);
    }

    /** One check of one deposit; it must write the deposit's next check whatever happens. */
    @FunctionalInterface
    public interface Checker {
        Check check(long depositId);
    }

    /** What a check found. */
    public record Check(Kind kind, String detail) {
        public static final Check CHANGED = new Check(Kind.CHANGED, null);
        public static final Check UNCHANGED = new Check(Kind.UNCHANGED, null);
    }

    /** CHANGED and UNCHANGED are answers; FAILED is about this deposit; BUSY is the provider refusing all calls for now. */
    public enum Kind { CHANGED, UNCHANGED, FAILED, BUSY }

    private static final Check BROKEN = new Check(Kind.FAILED, "the check failed on our side (see the log)");

    private final Watchlist watchlist;
    private final Checker checker;
    private final RateBudget budget;
    private final Clock clock;
    private final ReconcileStats stats = new ReconcileStats();
    private final AtomicBoolean running = new AtomicBoolean();
    private final BooleanSupplier ourTurn;
    private final ScheduledExecutorService exec = Background.singleThread("deposit-reconciler");
    private volatile Instant pausedUntil = Instant.EPOCH;
    private int busyStreak;

    public DepositReconciler(Watchlist watchlist, Checker checker, RateBudget budget, Clock clock) {
        this(watchlist, checker, budget, () -> true, clock);
    }

    /** @param ourTurn whether this instance runs the passes now (one instance among several, see core.db.Leadership) */
    public DepositReconciler(Watchlist watchlist, Checker checker, RateBudget budget, BooleanSupplier ourTurn, Clock clock) {
        this.ourTurn = ourTurn;
        this.watchlist = watchlist;
        this.checker = checker;
        this.budget = budget;
        this.clock = clock;
    }

    /** The production reconciler: due deposits from the database, each checked with the provider. */
    public static DepositReconciler create(Tx tx, DepositDao deposits, DepositWatchDao watch, DepositUpdater updater,
                                           FiatValuation valuation, NowPaymentsClient provider, RateBudget budget,
                                           BooleanSupplier ourTurn, Clock clock) {
        return new DepositReconciler((at, limit) -> tx.read(c -> watch.due(c, at, limit)),
                new PaymentLookup(tx, deposits, updater, provider, budget, valuation), budget, ourTurn, clock);
    }

    public void start(Duration interval) {
        exec.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many deposits it checked. Two passes never overlap: a second caller returns at once. */
    public int runOnce() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            return pass();
        } catch (RuntimeException e) {
            // a background loop: log and try again next time rather than dying silently
            LOG.log(Level.SEVERE, "reconciler pass failed", e);
            stats.check(clock.instant(), true, "pass failed: " + e.getMessage());
            return 0;
        } finally {
            running.set(false);
        }
    }

    /**
     * Checks what was due when the pass began. Each check moves its deposit's next check past that
     * moment, so the pass ends; whatever is still due waits for the next pass, most overdue first.
     */
    private int pass() {
        Instant start = clock.instant();
        stats.pass(start);
        if (start.isBefore(pausedUntil) || !ourTurn.getAsBoolean()) {
            return 0; // paused, or another instance runs the passes (this one still counts as alive)
        }
        int checked = 0;
        Set<Long> seen = new HashSet<>();
        int broken = 0;
        while (true) {
            // a checked deposit is never due again in the same pass; a broken one may be, so it is skipped
            List<Long> due = watchlist.due(start, BATCH + broken).stream().filter(id -> !seen.contains(id)).toList();
            if (due.isEmpty()) {
                return checked;
            }
            for (long id : due) {
                if (!budget.acquire()) {
                    return checked; // interrupted: shutting down
                }
                seen.add(id);
                Check result = checkOne(id);
                broken += result == BROKEN ? 1 : 0;
                checked++;
                boolean busy = result.kind() == Kind.BUSY;
                stats.check(clock.instant(), busy || result.kind() == Kind.FAILED,
                        result.detail() == null ? null : "deposit " + id + ": " + result.detail());
                if (busy) {
                    pause(result.detail());
                    return checked;
                }
                busyStreak = 0;
            }
        }
    }

    /** One broken row must not stall the deposits behind it: its failure is logged and the pass moves on. */
    private Check checkOne(long id) {
        try {
            return checker.check(id);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "reconciler check of deposit " + id + " failed", e);
            return BROKEN;
        }
    }

    /** Why doubling: a provider that is rate limiting or down gets less traffic the longer it lasts. */
    private void pause(String why) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(busyStreak, 10));
        pause = pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
        busyStreak++;
        pausedUntil = clock.instant().plus(pause);
        LOG.warning("reconciler pauses " + pause.toSeconds() + " s: the provider is busy (" + why + ")");
    }

    /** Until when checks wait because the provider was busy; in the past when they do not. */
    public Instant pausedUntil() {
        return pausedUntil;
    }

    ReconcileStats.Snapshot stats() {
        return stats.snapshot(clock.instant());
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
