package com.arbdesk.arbitrage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers when each opportunity key (pair|buy|sell) was first seen profitable, across engine runs.
 * A key that is not profitable in a run is forgotten, so its clock restarts when it comes back.
 */
public final class PersistenceTracker {
    private final Map<String, Instant> firstSeen = new HashMap<>();

    /**
     * Records one run: keys in profitableKeys are kept (or start now), every other key is dropped.
     * Synchronized as a whole so that two concurrent runs never see a half-updated map.
     *
     * @return how long each profitable key has persisted as of now
     */
    public synchronized Map<String, Duration> record(Set<String> profitableKeys, Instant now) {
        firstSeen.keySet().retainAll(profitableKeys);
        Map<String, Duration> persisted = new HashMap<>();
        for (String key : profitableKeys) {
            Instant since = firstSeen.computeIfAbsent(key, k -> now);
            Duration age = Duration.between(since, now);
            persisted.put(key, age.isNegative() ? Duration.ZERO : age);
        }
        return persisted;
    }

    /** When the key was first seen profitable, or null if it is not being tracked. */
    public synchronized Instant firstSeen(String key) {
        return firstSeen.get(key);
    }
}
