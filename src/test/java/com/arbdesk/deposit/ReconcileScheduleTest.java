package com.arbdesk.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.nowpayments.RateBudget;
import com.arbdesk.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's schedule: backoff, watch windows, "no longer watched", and the real reconciler
 * pass driven on a test clock with 200 and 10,000 open deposits (one of them paid, its IPN lost).
 */
class ReconcileScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<Duration> LADDER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6));
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final ReconcileSchedule schedule = new ReconcileSchedule(LADDER, Duration.ofMinutes(2), Duration.ofDays(1));

    private static Deposit pending(Deposit.Watch w) {
        return SimulatedDeposits.deposit(1, DepositStatus.PENDING, T0, w);
    }

    private static Deposit.Watch watch(ReconcileSchedule.Plan p) {
        return new Deposit.Watch(p.nextCheckAt(), p.step(), null, p.watchUntil(), p.unwatchedAt());
    }

    @Test
    void everyCheckMovesTheNextOneAlongTheLadderWhateverTheAnswer() {
        ReconcileSchedule.Plan p = schedule.plan(pending(Deposit.Watch.NONE), ReconcileSchedule.Event.CREATED, T0);
        assertEquals(T0.plus(Duration.ofMinutes(2)), p.nextCheckAt(), "first check once the deposit is 2 minutes old");
        assertEquals(T0.plus(Duration.ofDays(8)), p.watchUntil(), "valid_until (7 days) plus a grace day");
        Instant now = p.nextCheckAt();
        List<Duration> gaps = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ReconcileSchedule.Plan next = schedule.plan(pending(watch(p)), ReconcileSchedule.Event.UNCHANGED, now);
            gaps.add(Duration.between(now, next.nextCheckAt()));
            now = next.nextCheckAt();
            p = next;
        }
        assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6)), gaps);
        ReconcileSchedule.Plan failed = schedule.plan(pending(watch(p)), ReconcileSchedule.Event.FAILED, now);
        assertEquals(now.plus(Duration.ofHours(6)), failed.nextCheckAt(), "an error backs off like no change");
        ReconcileSchedule.Plan busy = schedule.plan(pending(new Deposit.Watch(now, 1, null, p.watchUntil(), null)),
                ReconcileSchedule.Event.BUSY, now);
        assertEquals(1, busy.step(), "a busy provider is not the deposit's fault: its backoff does not grow");
    }

    @Test
    void aPaymentInProgressIsCheckedSoonAgainAndASettledOneSlowly() {
        Deposit.Watch late = new Deposit.Watch(T0, 3, null, T0.plus(Duration.ofDays(8)), null);
        ReconcileSchedule.Plan confirming = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.CONFIRMING, T0, late),
                ReconcileSchedule.Event.CHANGED, T0.plus(Duration.ofHours(1)));
        assertEquals(0, confirming.step());
        assertEquals(T0.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1)), confirming.nextCheckAt());
        ReconcileSchedule.Plan completed = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.COMPLETED, T0, late),
                ReconcileSchedule.Event.CHANGED, T0.plus(Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1), Duration.between(T0.plus(Duration.ofHours(1)), completed.nextCheckAt()),
                "a completed payment is still asked about re-deposits to its address, hourly");
    }

    @Test
    void afterTheWindowADepositIsNoLongerWatchedUntilAnAdminArmsItAgain() {
        Instant end = T0.plus(Duration.ofDays(8));
        Deposit.Watch w = new Deposit.Watch(end.minusSeconds(60), 6, null, end, null);
        ReconcileSchedule.Plan last = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.EXPIRED, T0, w),
                ReconcileSchedule.Event.UNCHANGED, end.minusSeconds(60));
        assertEquals(end, last.nextCheckAt(), "one last check at the end of the window");
        ReconcileSchedule.Plan over = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.EXPIRED, T0, watch(last)),
                ReconcileSchedule.Event.UNCHANGED, end);
        assertNull(over.nextCheckAt());
        assertEquals(end, over.unwatchedAt(), "visible to the admin as no longer watched");
        ReconcileSchedule.Plan again = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.EXPIRED, T0, watch(over)),
                ReconcileSchedule.Event.REARMED, end.plusSeconds(3600));
        assertEquals(end.plusSeconds(3600), again.nextCheckAt(), "checked at once");
        assertEquals(end.plusSeconds(3600).plus(Duration.ofDays(1)), again.watchUntil(), "then watched another grace period");
        assertNull(again.unwatchedAt());

        ReconcileSchedule.Plan done = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.COMPLETED, T0, w),
                ReconcileSchedule.Event.UNCHANGED, end);
        assertNull(done.nextCheckAt());
        assertNull(done.unwatchedAt(), "a completed deposit at the end of its window is simply done");
    }

    @Test
    void aPartialPaymentIsWatchedAFewDaysAndARefundedOneNotAtAll() {
        Instant day6 = T0.plus(Duration.ofDays(6));
        ReconcileSchedule.Plan partial = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.PARTIALLY_PAID, T0,
                Deposit.Watch.NONE), ReconcileSchedule.Event.CHANGED, day6);
        assertEquals(day6.plus(Duration.ofDays(3)), partial.watchUntil(), "a merchant may still finish it for a few days");
        ReconcileSchedule.Plan refunded = schedule.plan(SimulatedDeposits.deposit(1, DepositStatus.REFUNDED, T0,
                Deposit.Watch.NONE), ReconcileSchedule.Event.CHANGED, day6);
        assertNull(refunded.nextCheckAt());
        assertNull(refunded.unwatchedAt());
    }

    private static DepositReconciler reconciler(SimulatedDeposits sim, TestClock clock, String rate) {
        return new DepositReconciler(sim, sim, new RateBudget(new BigDecimal(rate), clock, clock.sleeper()), clock);
    }

    /** Runs passes every INTERVAL until {@code until}; returns the largest lag seen. */
    private static Duration run(DepositReconciler r, SimulatedDeposits sim, TestClock clock, Instant until) {
        Duration maxLag = Duration.ZERO;
        while (clock.instant().isBefore(until)) {
            r.runOnce();
            maxLag = sim.lag().compareTo(maxLag) > 0 ? sim.lag() : maxLag;
            clock.advance(INTERVAL);
        }
        return maxLag;
    }

    @Test
    void twoHundredWaitingAndOnePaidWithItsIpnLostIsCreditedWithinAFewPasses() {
        TestClock clock = new TestClock(T0);
        SimulatedDeposits sim = new SimulatedDeposits(schedule, clock);
        for (int i = 0; i < 200; i++) {
            sim.create();
        }
        clock.advance(Duration.ofMinutes(1));
        long paid = sim.create(); // the newest: the old reconciler's "50 least recently updated" never reached it
        DepositReconciler r = reconciler(sim, clock, "2");
        run(r, sim, clock, T0.plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(1));
        sim.pay(paid);
        Instant paidAt = clock.instant();
        run(r, sim, clock, paidAt.plus(Duration.ofHours(1)));
        assertNotNull(sim.creditedAt(paid), "the lost IPN was recovered");
        assertTrue(Duration.between(paidAt, sim.creditedAt(paid)).compareTo(Duration.ofMinutes(31)) <= 0,
                "within its next check on the ladder: " + Duration.between(paidAt, sim.creditedAt(paid)));
        for (long id = 1; id <= 200; id++) {
            assertTrue(sim.checksOf(id) >= 4, "no deposit is starved: #" + id + " was checked " + sim.checksOf(id) + " times");
        }
    }

    @Test
    void tenThousandOpenDepositsStayOnScheduleAndAFreshPaymentIsFoundInMinutes() {
        TestClock clock = new TestClock(T0);
        SimulatedDeposits sim = new SimulatedDeposits(schedule, clock);
        DepositReconciler r = reconciler(sim, clock, "2");
        // steady state: a deposit every 69 s for 8 days is 10,000 deposits across the watch window
        Duration every = Duration.ofSeconds(69);
        Instant nextCreate = T0;
        Instant warm = T0.plus(Duration.ofDays(8));
        Duration maxLag = Duration.ZERO;
        while (clock.instant().isBefore(warm)) {
            if (!clock.instant().isBefore(nextCreate)) {
                sim.create();
                nextCreate = nextCreate.plus(every);
            }
            r.runOnce();
            if (clock.instant().isAfter(T0.plus(Duration.ofDays(1)))) {
                maxLag = sim.lag().compareTo(maxLag) > 0 ? sim.lag() : maxLag;
            }
            clock.advance(INTERVAL);
        }
        assertTrue(sim.watched() > 9_000, "about 10,000 open deposits are watched: " + sim.watched());
        assertTrue(maxLag.compareTo(Duration.ofSeconds(30)) < 0, "never behind its schedule: max lag " + maxLag);

        long paid = sim.create();
        clock.advance(Duration.ofMinutes(3));
        sim.pay(paid);
        Instant paidAt = clock.instant();
        run(r, sim, clock, paidAt.plus(Duration.ofHours(1)));
        assertNotNull(sim.creditedAt(paid));
        assertTrue(Duration.between(paidAt, sim.creditedAt(paid)).compareTo(Duration.ofMinutes(6)) <= 0,
                "found at its next check: " + Duration.between(paidAt, sim.creditedAt(paid)));
    }

    @Test
    void afterAnOutageTenThousandOverdueDepositsAreAllReachedOldestFirst() {
        TestClock clock = new TestClock(T0);
        SimulatedDeposits sim = new SimulatedDeposits(schedule, clock);
        for (int i = 0; i < 10_000; i++) {
            sim.create();
        }
        long paid = sim.create(); // due last of all
        sim.pay(paid);
        DepositReconciler r = reconciler(sim, clock, "2");
        run(r, sim, clock, T0.plus(Duration.ofHours(2)));
        assertNotNull(sim.creditedAt(paid), "a burst beyond the budget delays checks but starves none");
        assertTrue(Duration.between(T0, sim.creditedAt(paid)).compareTo(Duration.ofMinutes(90)) <= 0,
                "10,001 checks at 2 per second: " + Duration.between(T0, sim.creditedAt(paid)));
        run(r, sim, clock, T0.plus(Duration.ofHours(12)));
        assertTrue(sim.lag().compareTo(Duration.ofMinutes(1)) < 0, "and the lag recovers: " + sim.lag());
    }
}
