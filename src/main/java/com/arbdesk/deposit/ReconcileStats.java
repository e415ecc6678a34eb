package com.arbdesk.deposit;

import java.time.Duration;
import java.time.Instant;

/**
 * The reconciler's recent activity for the health panel: checks and errors per minute over the last
 * hour (a ring of 60 buckets), the last pass and the last error. In memory: a restart starts from zero.
 */
final class ReconcileStats {
    private static final int MINUTES = 60;

    private final long[] bucketMinute = new long[MINUTES];
    private final long[] checks = new long[MINUTES];
    private final long[] errors = new long[MINUTES];
    private Instant lastPass;
    private String lastError;
    private Instant lastErrorAt;

    synchronized void check(Instant at, boolean error, String detail) {
        int i = bucket(at);
        checks[i]++;
        if (error) {
            errors[i]++;
            lastError = detail;
            lastErrorAt = at;
        }
    }

    synchronized void pass(Instant at) {
        lastPass = at;
    }

    /** Figures over the hour before {@code now}. */
    record Snapshot(long checksLastHour, long errorsLastHour, Instant lastPass, String lastError, Instant lastErrorAt) {
    }

    synchronized Snapshot snapshot(Instant now) {
        long minute = now.getEpochSecond() / 60;
        long c = 0;
        long e = 0;
        for (int i = 0; i < MINUTES; i++) {
            if (minute - bucketMinute[i] < MINUTES) {
                c += checks[i];
                e += errors[i];
            }
        }
        boolean recentError = lastErrorAt != null && Duration.between(lastErrorAt, now).toHours() < 1;
        return new Snapshot(c, e, lastPass, recentError ? lastError : null, recentError ? lastErrorAt : null);
    }

    private int bucket(Instant at) {
        long minute = at.getEpochSecond() / 60;
        int i = (int) (minute % MINUTES);
        if (bucketMinute[i] != minute) {
            bucketMinute[i] = minute;
            checks[i] = 0;
            errors[i] = 0;
        }
        return i;
    }
}
