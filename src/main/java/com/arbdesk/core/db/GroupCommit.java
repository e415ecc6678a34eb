package com.arbdesk.core.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.MDC;

/**
 * SQLite's single writer, shared by the writes of many threads (issue #13). A thread that wants to write queues
 * its work; the thread that holds the writer runs every queued work (up to {@link #MAX_BATCH}) in one
 * transaction, each inside its own savepoint, commits once, and only then tells each caller its outcome. So no
 * caller hears of success before its effects are committed, and a work that fails is rolled back to its savepoint
 * and fails alone: the others in the batch still commit. When the commit itself fails, every work of the batch
 * fails with it.
 *
 * <p>Why: one transaction per write paid BEGIN, COMMIT and the WAL frames of every page it touched once per write,
 * and handed the writer's lock from thread to thread each time. Under load a batch shares the pages it touches
 * (the tails of the tables and their indexes) and the commit; with no load a batch is the one work, with no
 * savepoint and exactly the old cost.
 *
 * <p>A work runs on whichever thread leads its batch: it sees the caller's transaction context ({@link Tx}'s
 * nested calls and after-commit callbacks belong to the caller) and logging context (MDC), but not the
 * caller's other thread-locals, and it must not wait for a monitor its caller holds. Callbacks run on the
 * caller's own thread after the commit, as before.
 */
final class GroupCommit {
    /** Works per transaction at most: bounds the wait of the batch's first caller behind the others. */
    static final int MAX_BATCH = 32;
    /** A waiting caller looks again this often even without a wake-up (a safety net; wake-ups are not lost). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What a batch needs from its owner ({@link Tx}): how to run one work in the open transaction. */
    interface Runner {
        /** Runs the work with {@code callbacks} as its after-commit list; SQL failures arrive as DataAccessException. */
        <T> T run(Connection c, Tx.SqlWork<T> work, List<Runnable> callbacks);

        void exec(Connection c, String sql);

        void rollback(Connection c);
    }

    private final ReentrantLock lock;
    private final Connection writer;
    private final ConcurrentLinkedQueue<Queued<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(ReentrantLock lock, Connection writer) {
        this.lock = lock;
        this.writer = writer;
    }

    /** Writes queued and not yet taken into a transaction (the writer-waiting gauge). */
    int waiting() {
        return queue.size();
    }

    /** One caller's work and, once {@link #done}, its outcome. */
    static final class Queued<T> {
        final Tx.SqlWork<T> work;
        final Thread owner = Thread.currentThread();
        final Map<String, String> mdc = MDC.getCopyOfContextMap();
        final List<Runnable> callbacks = new ArrayList<>();
        T result;
        Throwable failure;
        volatile boolean done;

        Queued(Tx.SqlWork<T> work) {
            this.work = work;
        }
    }

    /**
     * Runs {@code work} in a write transaction and returns once that transaction has ended: the returned entry holds
     * the work's result, or what it threw (or what the commit threw), and the after-commit callbacks it registered,
     * for the caller to run.
     */
    <T> Queued<T> write(Tx.SqlWork<T> work, Runner runner) {
        Queued<T> mine = new Queued<>(work);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (lock.tryLock()) {
                try {
                    while (!mine.done) {
                        runBatch(runner);
                    }
                } finally {
                    lock.unlock();
                }
                // the next caller still queued leads the next batch (a caller queued after this look takes the
                // free lock itself)
                Queued<?> next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
                // the work may be running on another thread: it cannot be abandoned, so the wait is not interruptible
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine;
    }

    /** Under the lock: takes the queued works and runs them in one transaction. */
    private void runBatch(Runner runner) {
        List<Queued<?>> batch = new ArrayList<>();
        for (Queued<?> q; batch.size() < MAX_BATCH && (q = queue.poll()) != null; ) {
            batch.add(q);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<String, String> leaderMdc = MDC.getCopyOfContextMap();
        try {
            runner.exec(writer, "BEGIN IMMEDIATE");
            boolean alone = batch.size() == 1;
            boolean anyFailed = false;
            for (Queued<?> q : batch) {
                anyFailed |= !runOne(q, alone, runner);
            }
            if (alone && anyFailed) {
                runner.rollback(writer);
            } else {
                runner.exec(writer, "COMMIT");
            }
        } catch (RuntimeException | Error e) {
            // BEGIN, a savepoint's rollback or the COMMIT failed: nothing of the batch is committed
            runner.rollback(writer);
            for (Queued<?> q : batch) {
                if (q.failure == null) {
                    q.failure = e;
                }
                q.callbacks.clear();
            }
        } finally {
            restore(leaderMdc);
        }
        Thread me = Thread.currentThread();
        for (Queued<?> q : batch) {
            q.done = true;
            if (q.owner != me) {
                LockSupport.unpark(q.owner);
            }
        }
    }

    /**
     * One work in the batch's transaction; false when it failed. In a batch of several it runs inside a savepoint
     * and a failure is undone back to it; alone, the caller rolls the whole transaction back instead.
     */
    private <T> boolean runOne(Queued<T> q, boolean alone, Runner runner) {
        restore(q.mdc);
        if (alone) {
            try {
                q.result = runner.run(writer, q.work, q.callbacks);
                return true;
            } catch (RuntimeException | Error e) {
                q.failure = e;
                q.callbacks.clear();
                return false;
            }
        }
        runner.exec(writer, "SAVEPOINT work");
        try {
            q.result = runner.run(writer, q.work, q.callbacks);
        } catch (RuntimeException | Error e) {
            q.failure = e;
            q.callbacks.clear();
            // a failure here breaks the whole transaction: the batch's handler fails every work
            runner.exec(writer, "ROLLBACK TO work");
            runner.exec(writer, "RELEASE work");
            return false;
        }
        runner.exec(writer, "RELEASE work");
        return true;
    }

    private static void restore(Map<String, String> mdc) {
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
    }
}
