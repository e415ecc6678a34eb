package com.arbdesk.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A few seconds' memory of session lookups, so each request need not read the sessions and users
 * tables. Revoking evicts at once: a revocation on this instance takes effect on the next request.
 * A lookup that raced with a revocation is not stored (the epoch check), so an evicted session can
 * never come back from a read that started before the revocation committed. Per instance: with
 * several instances a revocation reaches the others within {@link #TTL}.
 */
final class SessionCache {
    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 20_000;

    /** What was read for a session id: the row and its user, or nothing (unknown id). */
    record Entry(Optional<SessionRecord> session, Optional<User> user, Instant loadedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Object lock = new Object();
    private long epoch;

    SessionCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached entry while fresh, otherwise a new one from {@code load}. */
    Entry get(String sessionId, Supplier<Entry> load) {
        Instant now = clock.instant();
        Entry cached = entries.get(sessionId);
        if (cached != null && now.isBefore(cached.loadedAt().plus(TTL))) {
            return cached;
        }
        long before;
        synchronized (lock) {
            before = epoch;
        }
        Entry loaded = load.get();
        synchronized (lock) {
            if (epoch == before) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.values().removeIf(e -> !now.isBefore(e.loadedAt().plus(TTL)));
                    if (entries.size() >= MAX_ENTRIES) {
                        entries.clear(); // only a cache: the next lookups read the database
                    }
                }
                entries.put(sessionId, loaded);
            }
        }
        return loaded;
    }

    void evict(String sessionId) {
        synchronized (lock) {
            epoch++;
            entries.remove(sessionId);
        }
    }

    void evictUser(long userId) {
        synchronized (lock) {
            epoch++;
            entries.values().removeIf(e -> e.session().map(s -> s.userId() == userId).orElse(false));
        }
    }
}
