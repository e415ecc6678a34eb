package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final TestClock clock = new TestClock();

    @Test
    void allowsTheLimitAtOnceThenOneEachWindowOverLimit() {
        RateLimiter r = new RateLimiter(10, Duration.ofHours(1), 1000, clock);
        for (int i = 0; i < 10; i++) {
            assertTrue(r.tryAcquire("1.2.3.4").isEmpty(), "event " + i);
        }
        Optional<Duration> wait = r.tryAcquire("1.2.3.4");
        assertEquals(Optional.of(Duration.ofMinutes(6)), wait, "the next slot frees after window / limit");
        assertTrue(r.tryAcquire("5.6.7.8").isEmpty(), "other keys are not affected");
        clock.advance(Duration.ofMinutes(6).minusSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(1)), r.tryAcquire("1.2.3.4"), "a refused event is not counted");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(r.tryAcquire("1.2.3.4").isEmpty());
        assertTrue(r.tryAcquire("1.2.3.4").isPresent());
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            assertTrue(r.tryAcquire("1.2.3.4").isEmpty(), "a full window later the whole burst is back: " + i);
        }
    }

    @Test
    void pendingPeekRefundAndReset() {
        RateLimiter r = new RateLimiter(5, Duration.ofMinutes(15), 1000, clock);
        assertEquals(0, r.pending("k"));
        for (int i = 0; i < 5; i++) {
            r.tryAcquire("k");
        }
        assertEquals(5, r.pending("k"));
        assertEquals(Optional.of(Duration.ofMinutes(3)), r.peek("k"));
        assertEquals(5, r.pending("k"), "peeking counts nothing");
        r.refund("k");
        assertEquals(4, r.pending("k"));
        assertTrue(r.peek("k").isEmpty());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(3, r.pending("k"), "one event drains every window / limit");
        r.reset("k");
        assertEquals(0, r.pending("k"));
    }

    @Test
    void memoryStaysBoundedUnderKeySpraying() {
        RateLimiter r = new RateLimiter(3, Duration.ofMinutes(1), 1000, clock);
        for (int i = 0; i < 20_000; i++) {
            r.tryAcquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertTrue(r.trackedKeys() <= 1000, "tracked: " + r.trackedKeys());
        clock.advance(Duration.ofMinutes(2));
        r.tryAcquire("fresh");
        for (int i = 0; i < 1000; i++) {
            r.tryAcquire("sprayed-" + i);
        }
        assertTrue(r.trackedKeys() <= 1000, "expired keys are dropped first: " + r.trackedKeys());
    }
}
