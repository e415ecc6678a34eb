package com.arbdesk.nowpayments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aBurstOfOneSecondThenEvenlySpaced() {
        TestClock clock = new TestClock(T0);
        RateBudget b = new RateBudget(new BigDecimal("3"), clock, clock.sleeper());
        for (int i = 0; i < 3; i++) {
            assertTrue(b.acquire());
        }
        assertEquals(T0, clock.instant(), "three at once");
        for (int i = 0; i < 30; i++) {
            b.acquire();
        }
        Duration took = Duration.between(T0, clock.instant());
        assertTrue(took.minusSeconds(10).abs().toMillis() < 1, "then 3 per second: " + took);
    }

    @Test
    void aFractionalRateAndTryAcquireThatTakesNothingWhenItWouldWaitTooLong() {
        TestClock clock = new TestClock(T0);
        RateBudget b = new RateBudget(new BigDecimal("0.5"), clock, clock.sleeper());
        assertTrue(b.tryAcquire(Duration.ZERO));
        assertFalse(b.tryAcquire(Duration.ofSeconds(1)), "the next slot is 2 s away");
        assertEquals(Duration.ofSeconds(2), b.waitTime());
        assertTrue(b.tryAcquire(Duration.ofSeconds(2)));
        assertEquals(T0.plus(Duration.ofSeconds(2)), clock.instant());
    }
}
