package com.arbdesk.bench;

/** What one fixed-duration load run measured: good answers per second, their p50/p99, and the failures. */
public record LoadResult(double perSecond, double p50Millis, double p99Millis, long ok, long failed, String firstFailure) {

    public String summary() {
        return String.format("%,.0f/s p50 %.2f ms p99 %.2f ms (%d ok, %d failed%s)", perSecond, p50Millis, p99Millis, ok, failed,
                firstFailure == null ? "" : ", first: " + firstFailure);
    }
}
