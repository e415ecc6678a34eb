package com.arbdesk.deposit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the reconciler next asks the provider about a deposit, and until when it keeps asking. Pure,
 * so the same rule serves IPNs, refreshes and reconciler checks and a test clock can drive it.
 *
 * <p>Every check moves the next one along the backoff ladder (1, 2, 5, 10, 30 minutes, hourly, then
 * every 6 hours by default), whatever the answer: a deposit whose answer never changes still goes to
 * the back of the queue, so no group of deposits can starve another. A payment in progress
 * (confirming, partially paid) starts the ladder again; a settled one (completed, expired, failed)
 * continues at the slow end, because late coins and re-deposits still arrive but rarely.
 *
 * <p>The watch window: until the payment's {@code valid_until} (about 7 days) plus a grace period,
 * and for a partial payment at least a few days from when it became partial. After it the deposit
 * is no longer polled; an unsettled one records since when, for the admin.
 */
public final class ReconcileSchedule {
    /** The provider's payments take coins for 7 days; used when its valid_until is unknown. */
    static final Duration ASSUMED_VALIDITY = Duration.ofDays(7);
    /** A merchant may still mark a partial payment finished in the dashboard: watched at least this long. */
    static final Duration PARTIAL_WINDOW = Duration.ofDays(3);
    private static final Duration SLOW = Duration.ofHours(1);

    /** What just happened to the deposit. */
    public enum Event {
        /** It now exists at the provider: first check once it is {@code firstCheck} old. */
        CREATED,
        /** Its status moved (IPN, refresh or check): the window is recomputed. */
        CHANGED,
        /** Checked; the answer changed nothing. */
        UNCHANGED,
        /** The provider could not answer about it (unknown, refused, unreadable): backs off like no change. */
        FAILED,
        /** The provider was rate limiting or down: not this deposit's doing, so its backoff does not grow. */
        BUSY,
        /** An admin asked to watch it again: checked at once, then one more grace period from the start of the ladder. */
        REARMED
    }

    /** The schedule to store; {@code nextCheckAt} null means not polled, {@code unwatchedAt} set means the window ended unsettled. */
    public record Plan(Instant nextCheckAt, int step, Instant watchUntil, Instant unwatchedAt) {
    }

    private final List<Duration> ladder;
    private final Duration firstCheck;
    private final Duration grace;
    private final int slowStep;

    public ReconcileSchedule(List<Duration> ladder, Duration firstCheck, Duration grace) {
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("the backoff ladder needs at least one step");
        }
        this.ladder = List.copyOf(ladder);
        this.firstCheck = firstCheck;
        this.grace = grace;
        int slow = this.ladder.size() - 1;
        for (int i = 0; i < this.ladder.size(); i++) {
            if (this.ladder.get(i).compareTo(SLOW) >= 0) {
                slow = i;
                break;
            }
        }
        this.slowStep = slow;
    }

    /** Whether the provider can still tell us anything about this deposit that matters. */
    public static boolean trackable(Deposit d) {
        if (d.paymentId() == null && d.invoiceId() == null) {
            return false; // never reached the provider
        }
        return switch (d.status()) {
            case REFUNDED -> false;
            case COMPLETED -> !d.isRedeposit(); // a completed payment still names re-deposits to its address
            default -> true;
        };
    }

    public Plan plan(Deposit d, Event e, Instant now) {
        Deposit.Watch w = d.watch();
        if (!trackable(d)) {
            return new Plan(null, w.step(), null, null);
        }
        Instant until = switch (e) {
            case CREATED -> window(d, now);
            case CHANGED -> later(window(d, now), w.watchUntil());
            case REARMED -> later(window(d, now), now.plus(grace));
            default -> w.watchUntil() != null ? w.watchUntil() : window(d, now);
        };
        if (!now.isBefore(until)) {
            Instant since = d.status() == DepositStatus.COMPLETED ? null : w.unwatchedAt() != null ? w.unwatchedAt() : now;
            return new Plan(null, w.step(), until, since);
        }
        int step = switch (e) {
            case CREATED, REARMED -> 0;
            case CHANGED -> d.status().isFinal() && !d.has(DepositFlag.VALUATION_PENDING) ? Math.max(w.step() + 1, slowStep) : 0;
            case UNCHANGED, FAILED -> w.step() + 1;
            case BUSY -> w.step();
        };
        step = Math.min(step, ladder.size() - 1);
        Instant next = e == Event.REARMED ? now : now.plus(e == Event.CREATED ? firstCheck : ladder.get(step));
        return new Plan(next.isAfter(until) ? until : next, step, until, null);
    }

    /** Until when the deposit is watched, judged now. */
    Instant window(Deposit d, Instant now) {
        Instant validity = (d.validUntil() != null ? d.validUntil() : d.createdAt().plus(ASSUMED_VALIDITY)).plus(grace);
        return d.status() == DepositStatus.PARTIALLY_PAID ? later(validity, now.plus(PARTIAL_WINDOW)) : validity;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
