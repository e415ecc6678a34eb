package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAnAccountAfterTheLimitUntilTheWindowPasses() {
        MutableClock clock = new MutableClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT; i++) {
            assertTrue(t.retryAfter("a@x.io", "1.1.1." + i).isEmpty());
            t.recordFailure("a@x.io", "1.1.1." + i);
        }
        Optional<Long> wait = t.retryAfter("a@x.io", "9.9.9.9");
        assertEquals(Optional.of(LoginThrottle.WINDOW.toSeconds()), wait);
        assertTrue(t.retryAfter("b@x.io", "9.9.9.9").isEmpty(), "other accounts are not affected");
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertTrue(t.retryAfter("a@x.io", "9.9.9.9").isEmpty());
    }

    @Test
    void blocksAnAddressSprayingManyAccounts() {
        LoginThrottle t = new LoginThrottle(new MutableClock());
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            t.recordFailure("user" + i + "@x.io", "6.6.6.6");
        }
        assertTrue(t.retryAfter("fresh@x.io", "6.6.6.6").isPresent());
        assertTrue(t.retryAfter("fresh@x.io", "7.7.7.7").isEmpty());
    }

    @Test
    void successClearsTheAccountCount() {
        LoginThrottle t = new LoginThrottle(new MutableClock());
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT - 1; i++) {
            t.recordFailure("a@x.io", "1.1.1.1");
        }
        t.recordSuccess("a@x.io");
        t.recordFailure("a@x.io", "1.1.1.1");
        assertTrue(t.retryAfter("a@x.io", "2.2.2.2").isEmpty());
    }
}
