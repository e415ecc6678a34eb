package com.arbdesk.realtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of the live sockets since start, plain counters the metrics read (boot wires them to
 * Micrometer, so realtime needs no metrics library): messages sent, sockets closed for a full queue, and
 * reconnects that resumed from their last seq or had to resync.
 */
public final class LiveStats {
    private final LongAdder sent = new LongAdder();
    private final LongAdder overflows = new LongAdder();
    private final LongAdder resumed = new LongAdder();
    private final LongAdder resynced = new LongAdder();

    void sent() {
        sent.increment();
    }

    void overflowed() {
        overflows.increment();
    }

    /** A reconnecting client got the events it missed. */
    public void resumed() {
        resumed.increment();
    }

    /** A reconnecting client missed too much (or too long ago) and was told to reload. */
    public void resynced() {
        resynced.increment();
    }

    public long messagesSent() {
        return sent.sum();
    }

    public long queueOverflows() {
        return overflows.sum();
    }

    public long resumes() {
        return resumed.sum();
    }

    public long resyncs() {
        return resynced.sum();
    }
}
