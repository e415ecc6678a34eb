package com.arbdesk.auth;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Where a {@link RateLimiter} keeps each key's one number (the theoretical arrival time of its next event, epoch
 * nanoseconds). {@link Memory} is this process's own; {@link SharedRateStore} is a table several instances share,
 * so a limit holds across them.
 */
public interface RateStore {
    /**
     * Replaces the key's value by {@code change} applied to it (null: the key has none), atomically with respect to
     * every other update of the key; a null result removes the key. {@code change} may run more than once (a
     * shared store retries a transaction that lost a race), so it must not keep state between calls.
     */
    void update(String key, long now, UnaryOperator<Long> change);

    /** The key's value, or null. */
    Long get(String key);

    void remove(String key);

    /**
     * This process's store, bounded under key spraying (many addresses or made-up emails): past {@code maxKeys} the
     * keys whose bucket is full again are dropped, and if that is not enough some others are too. Forgetting a key
     * can only let its owner through early, never lock anyone out.
     */
    final class Memory implements RateStore {
        private final Map<String, Long> values = new ConcurrentHashMap<>();
        private final ReentrantLock cleaning = new ReentrantLock();
        private final int maxKeys;

        public Memory(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        @Override
        public void update(String key, long now, UnaryOperator<Long> change) {
            if (!values.containsKey(key)) {
                makeRoom(now);
            }
            values.compute(key, (k, stored) -> change.apply(stored));
        }

        @Override
        public Long get(String key) {
            return values.get(key);
        }

        @Override
        public void remove(String key) {
            values.remove(key);
        }

        int size() {
            return values.size();
        }

        private void makeRoom(long now) {
            if (values.size() < maxKeys || !cleaning.tryLock()) {
                return; // under the bound, or another thread is already cleaning
            }
            try {
                values.values().removeIf(t -> t <= now);
                int target = maxKeys - maxKeys / 10;
                Iterator<String> it = values.keySet().iterator();
                while (values.size() > target && it.hasNext()) {
                    it.next();
                    it.remove();
                }
            } finally {
                cleaning.unlock();
            }
        }
    }
}
