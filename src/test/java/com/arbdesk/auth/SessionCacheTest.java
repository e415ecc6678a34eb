package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.arbdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionCacheTest {
    final TestClock clock = new TestClock();
    final SessionCache cache = new SessionCache(clock);
    final AtomicInteger loads = new AtomicInteger();

    SessionCache.Entry entry(String id, long userId, Instant revokedAt) {
        SessionRecord s = new SessionRecord(id, userId, clock.instant(), clock.instant().plus(Duration.ofHours(12)), revokedAt, "", "");
        User u = new User(userId, "u" + userId + "@x.io", "hash", Role.USER, false, clock.instant());
        return new SessionCache.Entry(Optional.of(s), Optional.of(u), clock.instant());
    }

    Supplier<SessionCache.Entry> counting(SessionCache.Entry e) {
        return () -> {
            loads.incrementAndGet();
            return e;
        };
    }

    @Test
    void aLookupIsReusedForTheTtlThenReadAgain() {
        SessionCache.Entry open = entry("s1", 1, null);
        assertSame(open, cache.get("s1", counting(open)));
        clock.advance(SessionCache.TTL.minusMillis(1));
        assertSame(open, cache.get("s1", counting(open)));
        assertEquals(1, loads.get());
        clock.advance(Duration.ofMillis(1));
        cache.get("s1", counting(open));
        assertEquals(2, loads.get());
    }

    @Test
    void evictingTakesEffectOnTheNextLookup() {
        cache.get("s1", counting(entry("s1", 1, null)));
        SessionCache.Entry revoked = entry("s1", 1, clock.instant());
        cache.evict("s1");
        assertSame(revoked, cache.get("s1", counting(revoked)));
    }

    @Test
    void evictingAUserDropsAllTheirSessionsOnly() {
        cache.get("a", counting(entry("a", 1, null)));
        cache.get("b", counting(entry("b", 1, null)));
        cache.get("c", counting(entry("c", 2, null)));
        cache.evictUser(1);
        loads.set(0);
        cache.get("a", counting(entry("a", 1, null)));
        cache.get("b", counting(entry("b", 1, null)));
        cache.get("c", counting(entry("c", 2, null)));
        assertEquals(2, loads.get(), "user 1's two sessions were read again, user 2's was still cached");
    }

    @Test
    void aReadThatRacedWithARevocationIsNotKept() {
        SessionCache.Entry staleOpen = entry("s1", 1, null);
        // the read saw the row before the revocation committed; the revocation evicted while it ran
        SessionCache.Entry seen = cache.get("s1", () -> {
            cache.evict("s1");
            return staleOpen;
        });
        assertSame(staleOpen, seen, "that request itself still got what it read");
        SessionCache.Entry revoked = entry("s1", 1, clock.instant());
        assertSame(revoked, cache.get("s1", counting(revoked)), "the next request reads the revocation");
    }
}
