package com.arbdesk.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A per-key rate limit of {@code limit} events per {@code window}, as a token bucket kept in one
 * number per key (the generic cell rate algorithm): a fresh key may have {@code limit} events at
 * once, after which one more is allowed each {@code window / limit}. A refused event is not counted.
 * Used per client address and per account; knows nothing of HTTP.
 *
 * <p>Memory stays bounded under key spraying (many addresses or made-up emails): past
 * {@code maxKeys} the keys whose bucket is full again are dropped, and if that is not enough some
 * others are too. Forgetting a key can only let its owner through early, never lock anyone out.
 */
public final class RateLimiter {
    /** A bound that keeps a limiter's memory to a few megabytes. */
    public static final int DEFAULT_MAX_KEYS = 50_000;
    private final int limit;
    private final long interval;
    private final long burst;
    private final int maxKeys;
    private final Clock clock;
    /** Per key, the theoretical arrival time (epoch nanoseconds) of the next event: the bucket is full once it is past. */
    private final Map<String, Long> tat = new ConcurrentHashMap<>();
    private final ReentrantLock cleaning = new ReentrantLock();

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.toNanos() < limit) {
            throw new IllegalArgumentException("a limit needs at least one event and a window of one nanosecond per event");
        }
        this.limit = limit;
        this.interval = window.toNanos() / limit;
        this.burst = window.toNanos() - interval;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public int limit() {
        return limit;
    }

    /** Counts an event for the key when it is within the limit (empty); otherwise how long until one would be. */
    public Optional<Duration> tryAcquire(String key) {
        long now = now();
        long[] wait = {0};
        if (!tat.containsKey(key)) {
            makeRoom(now);
        }
        tat.compute(key, (k, stored) -> {
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
        tat.computeIfPresent(key, (k, stored) -> stored - interval <= now ? null : stored - interval);
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
        return tat.size();
    }

    private void makeRoom(long now) {
        if (tat.size() < maxKeys || !cleaning.tryLock()) {
            return; // under the bound, or another thread is already cleaning
        }
        try {
            tat.values().removeIf(t -> t <= now);
            int target = maxKeys - maxKeys / 10;
            Iterator<String> it = tat.keySet().iterator();
            while (tat.size() > target && it.hasNext()) {
                it.next();
                it.remove();
            }
        } finally {
            cleaning.unlock();
        }
    }
}
