package com.arbdesk.nowpayments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A requests-per-second budget for calls to the provider (a token bucket: up to one second's worth
 * of calls may go at once, then they are spaced evenly). Time comes from the injected clock and
 * waiting goes through the injected sleeper, so tests run it on a test clock. Thread-safe.
 */
public final class RateBudget {
    /** How the budget waits; a test clock's sleeper just moves the clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper REAL_SLEEP = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    private final long intervalNanos;
    private final int burst;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree = Instant.EPOCH;

    public RateBudget(BigDecimal perSecond, Clock clock, Sleeper sleeper) {
        if (perSecond.signum() <= 0) {
            throw new IllegalArgumentException("a rate budget needs a positive rate");
        }
        this.intervalNanos = BigDecimal.valueOf(1_000_000_000L).divide(perSecond, 0, RoundingMode.CEILING).longValueExact();
        this.burst = Math.max(1, perSecond.setScale(0, RoundingMode.FLOOR).intValue());
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits for the next slot; false when interrupted (the caller should stop). */
    public boolean acquire() {
        return sleep(reserve(null));
    }

    /** Takes a slot if one comes within {@code maxWait} (and waits for it); false, taking nothing, otherwise. */
    public boolean tryAcquire(Duration maxWait) {
        Duration wait = reserve(maxWait);
        return wait != null && sleep(wait);
    }

    /** How long until a slot would be free, without taking one. */
    public synchronized Duration waitTime() {
        Duration d = Duration.between(clock.instant(), earliest());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private synchronized Duration reserve(Duration maxWait) {
        Instant now = clock.instant();
        Instant slot = earliest();
        if (slot.isBefore(now.minusNanos(intervalNanos * (burst - 1)))) {
            slot = now.minusNanos(intervalNanos * (burst - 1)); // unused slots expire: at most one burst banked
        }
        Duration wait = slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
        if (maxWait != null && wait.compareTo(maxWait) > 0) {
            return null;
        }
        nextFree = slot.plusNanos(intervalNanos);
        return wait;
    }

    private Instant earliest() {
        return nextFree;
    }

    private boolean sleep(Duration wait) {
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
