package com.arbdesk.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread; percentiles after merging. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Forgets every latency recorded. */
    public void clear() {
        size = 0;
    }

    public int count() {
        return size;
    }

    /** All of these in one sorted recorder. */
    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The {@code q}-quantile (0..1) in milliseconds of a merged (sorted) recorder; NaN when empty. */
    public double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return values[index] / 1e6;
    }
}
