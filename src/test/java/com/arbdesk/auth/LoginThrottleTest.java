package com.arbdesk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The three rules of {@link LoginThrottle}, with the default limits (30 per address, 5 per pair, 15 minutes). */
class LoginThrottleTest {
    final TestClock clock = new TestClock();
    final LoginThrottle t = new LoginThrottle(LoginThrottle.Settings.defaults(), clock);

    /** One attempt with a wrong password; true when it was allowed to be made. */
    boolean fail(String email, String address) {
        LoginThrottle.Result r = t.begin(email, address);
        if (r.isAllowed()) {
            t.failed(r.attempt());
        }
        return r.isAllowed();
    }

    @Test
    void theAccountAndAddressPairIsLimitedAndOnlyThatPair() {
        for (int i = 0; i < 5; i++) {
            assertTrue(fail("admin@x.io", "6.6.6.6"), "failure " + i);
        }
        LoginThrottle.Result blocked = t.begin("admin@x.io", "6.6.6.6");
        assertFalse(blocked.isAllowed(), "the sixth try from the same address");
        assertEquals(180, blocked.retryAfterSeconds(), "one failure drains every 15 min / 5");
        assertTrue(t.begin("admin@x.io", "7.7.7.7").isAllowed(), "the owner from another address is not refused");
        assertTrue(t.begin("other@x.io", "6.6.6.6").isAllowed(), "the address may still try other accounts");
        clock.advance(Duration.ofMinutes(3));
        assertTrue(t.begin("admin@x.io", "6.6.6.6").isAllowed(), "one more try after the drain interval");
    }

    @Test
    void anAddressSprayingManyAccountsIsLimited() {
        for (int i = 0; i < 30; i++) {
            assertTrue(fail("user" + i + "@x.io", "6.6.6.6"));
        }
        LoginThrottle.Result r = t.begin("fresh@x.io", "6.6.6.6");
        assertFalse(r.isAllowed());
        assertEquals(30, r.retryAfterSeconds(), "15 min / 30");
        assertTrue(t.begin("fresh@x.io", "7.7.7.7").isAllowed());
    }

    @Test
    void aRefusedAttemptCountsNothing() {
        for (int i = 0; i < 5; i++) {
            fail("a@x.io", "1.1.1.1");
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(t.begin("a@x.io", "1.1.1.1").isAllowed());
        }
        for (int i = 0; i < 25; i++) {
            assertTrue(fail("b" + i + "@x.io", "1.1.1.1"), "the 100 refused tries did not use the address's 30: " + i);
        }
    }

    @Test
    void successHandsBackTheAddressSlotAndClearsThePair() {
        for (int i = 0; i < 4; i++) {
            fail("a@x.io", "1.1.1.1");
        }
        LoginThrottle.Result ok = t.begin("a@x.io", "1.1.1.1");
        t.succeeded(ok.attempt());
        for (int i = 0; i < 5; i++) {
            assertTrue(fail("a@x.io", "1.1.1.1"), "the pair starts afresh: " + i);
        }
        for (int i = 0; i < 30 - 4 - 5; i++) {
            assertTrue(fail("z" + i + "@x.io", "1.1.1.1"), "successes do not use the address limit: " + i);
        }
        assertFalse(t.begin("y@x.io", "1.1.1.1").isAllowed());
    }

    @Test
    void theAccountGetsAGrowingCappedDelayButIsNeverRefused() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, t.begin("admin@x.io", "9.9.9." + i).attempt().delay(), "free failures: " + i);
            fail("admin@x.io", "9.9.9." + i);
        }
        assertEquals(Duration.ZERO, t.accountDelay("admin@x.io"), "five failures are free");
        fail("admin@x.io", "9.9.8.1");
        assertEquals(Duration.ofSeconds(1), t.accountDelay("admin@x.io"));
        fail("admin@x.io", "9.9.8.2");
        assertEquals(Duration.ofSeconds(2), t.accountDelay("admin@x.io"));
        fail("admin@x.io", "9.9.8.3");
        assertEquals(Duration.ofSeconds(4), t.accountDelay("admin@x.io"));
        for (int i = 0; i < 50; i++) {
            fail("admin@x.io", "9.8.7." + i);
        }
        assertEquals(LoginThrottle.MAX_ACCOUNT_DELAY, t.accountDelay("admin@x.io"), "capped");
        LoginThrottle.Result owner = t.begin("admin@x.io", "10.0.0.1");
        assertTrue(owner.isAllowed(), "a new address always gets to try, after the delay");
        assertEquals(LoginThrottle.MAX_ACCOUNT_DELAY, owner.attempt().delay());
        assertEquals(Duration.ZERO, t.accountDelay("bystander@x.io"));
        clock.advance(Duration.ofHours(2));
        assertEquals(Duration.ZERO, t.accountDelay("admin@x.io"), "the failures drain away");
    }

    @Test
    void anAddressOverItsLimitIsRefusedWithoutReservingThePair() {
        for (int i = 0; i < 30; i++) {
            fail("u" + i + "@x.io", "6.6.6.6");
        }
        assertFalse(t.begin("target@x.io", "6.6.6.6").isAllowed());
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertTrue(fail("target@x.io", "6.6.6.6"), "the refused attempt reserved no pair slot: " + i);
        }
    }
}
