package com.arbdesk.deposit;

import com.arbdesk.core.Money;
import com.arbdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deposits and a provider in memory, for driving the real {@link DepositReconciler} and
 * {@link ReconcileSchedule} on a test clock at sizes an integration test cannot reach. The provider
 * says "waiting" until a payment's valid_until, then "expired", except for payments marked paid,
 * which it reports "finished" (their IPN was lost: only a check can find them).
 */
final class SimulatedDeposits implements DepositReconciler.Watchlist, DepositReconciler.Checker {
    private record Key(long nextMs, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return nextMs != o.nextMs ? Long.compare(nextMs, o.nextMs) : Long.compare(id, o.id);
        }
    }

    private final ReconcileSchedule schedule;
    private final TestClock clock;
    private final Map<Long, Deposit> rows = new HashMap<>();
    private final TreeSet<Key> index = new TreeSet<>();
    private final Set<Long> paid = new HashSet<>();
    private final Map<Long, Instant> credited = new HashMap<>();
    private final Map<Long, Integer> checksOf = new HashMap<>();
    private long checks;
    private long nextId = 1;

    SimulatedDeposits(ReconcileSchedule schedule, TestClock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /** A deposit created now at the provider (valid for 7 days), waiting for its payment. */
    long create() {
        long id = nextId++;
        Instant now = clock.instant();
        Deposit d = deposit(id, DepositStatus.PENDING, now, Deposit.Watch.NONE);
        store(d, schedule.plan(d, ReconcileSchedule.Event.CREATED, now), null);
        return id;
    }

    /** The payer paid; the IPN never arrived. */
    void pay(long id) {
        paid.add(id);
    }

    @Override
    public List<Long> due(Instant at, int limit) {
        List<Long> out = new ArrayList<>();
        for (Key k : index.headSet(new Key(at.toEpochMilli(), Long.MAX_VALUE), true)) {
            if (out.size() == limit) {
                break;
            }
            out.add(k.id());
        }
        return out;
    }

    @Override
    public DepositReconciler.Check check(long id) {
        checks++;
        checksOf.merge(id, 1, Integer::sum);
        Instant now = clock.instant();
        Deposit d = rows.get(id);
        DepositStatus answer = paid.contains(id) ? DepositStatus.COMPLETED
                : now.isBefore(d.validUntil()) ? DepositStatus.PENDING : DepositStatus.EXPIRED;
        boolean changed = answer != d.status();
        if (changed) {
            d = deposit(id, answer, d.createdAt(), d.watch());
            if (answer == DepositStatus.COMPLETED) {
                credited.put(id, now);
            }
        }
        store(d, schedule.plan(d, changed ? ReconcileSchedule.Event.CHANGED : ReconcileSchedule.Event.UNCHANGED, now), now);
        return changed ? DepositReconciler.Check.CHANGED : DepositReconciler.Check.UNCHANGED;
    }

    Instant creditedAt(long id) {
        return credited.get(id);
    }

    int checksOf(long id) {
        return checksOf.getOrDefault(id, 0);
    }

    long checks() {
        return checks;
    }

    long watched() {
        return index.size();
    }

    long unwatched() {
        return rows.values().stream().filter(d -> d.watch().unwatchedAt() != null).count();
    }

    /** How far in the past the most overdue check lies (zero when none is overdue). */
    Duration lag() {
        if (index.isEmpty()) {
            return Duration.ZERO;
        }
        Instant oldest = Instant.ofEpochMilli(index.first().nextMs());
        return oldest.isBefore(clock.instant()) ? Duration.between(oldest, clock.instant()) : Duration.ZERO;
    }

    private void store(Deposit d, ReconcileSchedule.Plan p, Instant checkedAt) {
        Deposit old = rows.get(d.id());
        if (old != null && old.watch().nextCheckAt() != null) {
            index.remove(new Key(old.watch().nextCheckAt().toEpochMilli(), d.id()));
        }
        Deposit.Watch w = new Deposit.Watch(p.nextCheckAt(), p.step(), checkedAt != null ? checkedAt : d.watch().lastCheckedAt(),
                p.watchUntil(), p.unwatchedAt());
        rows.put(d.id(), deposit(d.id(), d.status(), d.createdAt(), w));
        if (p.nextCheckAt() != null) {
            index.add(new Key(p.nextCheckAt().toEpochMilli(), d.id()));
        }
    }

    static Deposit deposit(long id, DepositStatus status, Instant createdAt, Deposit.Watch watch) {
        return new Deposit(id, 1, "payer@example.com", DepositMode.PAYMENT, Money.usd("50.00"), status, "USDT", "TRC20", "usdttrc20",
                "50", null, null, Money.usd("0"), Long.toString(5_000_000_000L + id), "deposit_1_" + id, null, null, "TX" + id, null, null,
                createdAt.plus(Duration.ofMinutes(20)), createdAt.plus(Duration.ofDays(7)), null, Set.of(), null, null,
                createdAt, createdAt, watch);
    }
}
