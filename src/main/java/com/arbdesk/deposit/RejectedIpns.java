package com.arbdesk.deposit;

import com.arbdesk.core.Background;
import com.arbdesk.core.db.Tx;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * IPNs refused before verification succeeded: every one is counted in memory, a few are sampled into
 * ipn_events (at most {@link #SAMPLES_PER_FLUSH} a second, the newest {@link #KEEP} kept) and one log line a
 * minute says how many there were; samples older than the retention are deleted hourly (a refused IPN proves
 * nothing, so it need not be kept; every other IPN row carried a valid signature and is kept for ever). Why not a row each: a forged IPN must never take the single writer, or a
 * flood of them would starve the genuine IPNs; the request thread only counts and offers to a bounded queue.
 */
public final class RejectedIpns implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RejectedIpns.class.getName());
    private static final ObjectMapper LENIENT = new ObjectMapper();
    /** Samples written per flush (one flush a second): the bound on the writer time refused IPNs can cost. */
    static final int SAMPLES_PER_FLUSH = 10;
    /** Sampled rows kept: older refused rows are trimmed, so the table stays bounded under a flood. */
    static final int KEEP = 1_000;
    private static final int MINUTES = 60;
    private static final long PRUNE_EVERY_MINUTES = 60;

    /** One refused IPN as received. */
    record Sample(Instant at, String remote, String signature, String body, String detail) {
    }

    private final Tx tx;
    private final IpnEventDao ipns;
    private final Clock clock;
    private final Duration retention;
    private final BlockingQueue<Sample> pending = new ArrayBlockingQueue<>(SAMPLES_PER_FLUSH);
    private final AtomicLong total = new AtomicLong();
    private final long[] perMinute = new long[MINUTES];
    private final long[] minuteOf = new long[MINUTES];
    private long loggedTotal;
    private Instant loggedAt;
    private ScheduledExecutorService flusher;

    /** @param retention how long a sampled refused IPN stays in the log */
    public RejectedIpns(Tx tx, IpnEventDao ipns, Clock clock, Duration retention) {
        this.tx = tx;
        this.ipns = ipns;
        this.clock = clock;
        this.retention = retention;
        this.loggedAt = clock.instant();
    }

    /** Writes the samples once a second and prunes the old ones hourly, from its own thread. */
    public synchronized void start() {
        if (flusher == null) {
            flusher = Background.singleThread("ipn-rejects");
            flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
            flusher.scheduleWithFixedDelay(this::pruneQuietly, 1, PRUNE_EVERY_MINUTES * 60, TimeUnit.SECONDS);
        }
    }

    /** Deletes the refused IPNs received before the retention; returns how many. Never touches any other verdict. */
    int prune() {
        Instant before = clock.instant().minus(retention);
        return tx.inTransaction(c -> ipns.deleteBefore(c, IpnVerdict.INVALID_SIGNATURE, before));
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            // a background loop: the next hourly pass tries again
            LOG.log(Level.WARNING, "pruning refused IPN samples failed", e);
        }
    }

    /** Counts a refused IPN and keeps it as a sample when this second's budget allows; never touches the database. */
    void reject(String remote, String signature, byte[] body, String detail) {
        total.incrementAndGet();
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        int slot = (int) (minute % MINUTES);
        synchronized (perMinute) {
            if (minuteOf[slot] != minute) {
                minuteOf[slot] = minute;
                perMinute[slot] = 0;
            }
            perMinute[slot]++;
        }
        if (pending.remainingCapacity() > 0) { // decoded only when it may be kept: most of a flood is only counted
            pending.offer(new Sample(now, remote, signature, new String(body, StandardCharsets.UTF_8), detail));
        }
    }

    /** Refused IPNs counted since this process started. */
    public long total() {
        return total.get();
    }

    /** Refused IPNs counted in the last hour (by the minute), in this process. */
    long lastHour() {
        long current = clock.instant().getEpochSecond() / 60;
        long sum = 0;
        synchronized (perMinute) {
            for (int i = 0; i < MINUTES; i++) {
                if (current - minuteOf[i] < MINUTES) {
                    sum += perMinute[i];
                }
            }
        }
        return sum;
    }

    /** Stores the waiting samples in one write transaction and trims the old ones; nothing to write, no transaction. */
    void flush() {
        List<Sample> batch = new ArrayList<>(SAMPLES_PER_FLUSH);
        pending.drainTo(batch);
        logSummary();
        if (batch.isEmpty()) {
            return;
        }
        tx.inTransaction(c -> {
            for (Sample s : batch) {
                String[] hint = peek(s.body());
                ipns.insert(c, s.at(), s.remote(), s.signature(), s.body(), hint[0], hint[1], IpnVerdict.INVALID_SIGNATURE, s.detail());
            }
            ipns.trim(c, IpnVerdict.INVALID_SIGNATURE, KEEP);
            return null;
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // a background loop: the next flush tries again with fresh samples
            LOG.log(Level.WARNING, "storing refused IPN samples failed", e);
        }
    }

    private void logSummary() {
        Instant now = clock.instant();
        long t = total.get();
        if (t > loggedTotal && !now.isBefore(loggedAt.plus(Duration.ofMinutes(1)))) {
            LOG.warning((t - loggedTotal) + " IPNs refused (bad or missing signature) since " + loggedAt + "; samples in the IPN log");
            loggedTotal = t;
            loggedAt = now;
        }
    }

    /** The payment id and status the body claims, for the log only: nothing in a refused IPN is trusted. */
    static String[] peek(String text) {
        try {
            JsonNode n = LENIENT.readTree(text);
            if (n != null && n.isObject()) {
                JsonNode id = n.get("payment_id");
                JsonNode status = n.get("payment_status");
                return new String[] {id == null || id.isNull() ? null : id.asText(),
                        status == null || status.isNull() ? null : status.asText()};
            }
        } catch (JsonProcessingException e) {
            // not JSON: stored as is
        }
        return new String[] {null, null};
    }

    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        flushQuietly();
    }
}
