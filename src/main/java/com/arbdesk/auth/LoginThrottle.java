package com.arbdesk.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address in a sliding window. Past the limit,
 * login answers 429 with the seconds until the oldest failure leaves the window.
 */
public final class LoginThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int MAX_PER_ACCOUNT = 5;
    public static final int MAX_PER_ADDRESS = 30;
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before another attempt, when either the account or the address is over its limit. */
    public Optional<Long> retryAfter(String email, String address) {
        Instant now = clock.instant();
        return max(blockedFor("acct:" + email, MAX_PER_ACCOUNT, now), blockedFor("addr:" + address, MAX_PER_ADDRESS, now));
    }

    public void recordFailure(String email, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear(); // memory bound under an address-spraying attack; the window restarts
        }
        Instant now = clock.instant();
        for (String key : new String[] {"acct:" + email, "addr:" + address}) {
            failures.compute(key, (k, q) -> {
                Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
                synchronized (d) {
                    prune(d, now);
                    d.addLast(now);
                }
                return d;
            });
        }
    }

    public void recordSuccess(String email) {
        failures.remove("acct:" + email);
    }

    private Optional<Long> blockedFor(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return Optional.empty();
        }
        synchronized (d) {
            prune(d, now);
            if (d.size() < limit) {
                return Optional.empty();
            }
            long seconds = Duration.between(now, d.peekFirst().plus(WINDOW)).toSeconds();
            return Optional.of(Math.max(1, seconds));
        }
    }

    private static void prune(Deque<Instant> d, Instant now) {
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
                d.removeFirst();
            }
        }
    }

    private static Optional<Long> max(Optional<Long> a, Optional<Long> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get() >= b.get() ? a : b;
    }
}
