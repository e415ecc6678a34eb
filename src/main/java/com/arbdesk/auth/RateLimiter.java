package com.arbdesk.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A per-key rate limit of {@code limit} events per {@code window}, as a token bucket kept in one
 * number per key (the generic cell rate algorithm): a fresh key may have {@code limit} events at
 * once, after which one more is allowed each {@code window / limit}. A refused event is not counted.
 * Used per client address and per account; knows nothing of HTTP. The numbers live in a {@link RateStore}:
 * this process's memory (bounded under key spraying), or the database several instances share.
 */
public final class RateLimiter {
    /** A bound that keeps a limiter's memory to a few megabytes. */
    public static final int DEFAULT_MAX_KEYS = 50_000;
    private final int limit;
    private final long interval;
    private final long burst;
    private final Clock clock;
    /** Per key, the theoretical arrival time (epoch nanoseconds) of the next event: the bucket is full once it is past. */
    private final RateStore tat;

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        this(limit, window, new RateStore.Memory(maxKeys), clock);
    }

    public RateLimiter(int limit, Duration window, RateStore store, Clock clock) {
        if (limit < 1 || window.toNanos() < limit) {
            throw new IllegalArgumentException("a limit needs at least one event and a window of one nanosecond per event");
        }
        this.limit = limit;
        this.interval = window.toNanos() / limit;
        this.burst = window.toNanos() - interval;
        this.tat = store;
        this.clock = clock;
    }

    public int limit() {
        return limit;
    }

    /** Counts an event for the key when it is within the limit (empty); otherwise how long until one would be. */
    public Optional<Duration> tryAcquire(String key) {
        long now = now();
        long[] wait = {0};
        tat.update(key, now, stored -> {
            wait[0] = 0; // the store may run this again (a retried transaction): only the last run counts
            long start = stored == null ? now : Math.max(stored, now);
            long over = start - now - burst;
            if (over > 0) {
                wait[0] = over;
                return stored;
            }
            return start + interval;
        });
        return wait[0] > 0 ? Optional.of(Duration.ofNanos(wait[0])) : Optional.empty();
    }

    /** How long until the key may have an event, without counting one; empty when it may now. */
    public Optional<Duration> peek(String key) {
        Long stored = tat.get(key);
        long over = stored == null ? 0 : stored - now() - burst;
        return over > 0 ? Optional.of(Duration.ofNanos(over)) : Optional.empty();
    }

    /** Events counted for the key that have not drained yet (0 to {@code limit}). */
    public int pending(String key) {
        Long stored = tat.get(key);
        long ahead = stored == null ? 0 : stored - now();
        return ahead <= 0 ? 0 : (int) Math.min(limit, (ahead + interval - 1) / interval);
    }

    /** Takes back one event counted for the key (it turned out not to be one that should count). */
    public void refund(String key) {
        long now = now();
        tat.update(key, now, stored -> stored == null || stored - interval <= now ? null : stored - interval);
    }

    /** Forgets the key: its bucket is full again. */
    public void reset(String key) {
        tat.remove(key);
    }

    private long now() {
        java.time.Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    int trackedKeys() {
        return tat instanceof RateStore.Memory m ? m.size() : -1;
    }
}
